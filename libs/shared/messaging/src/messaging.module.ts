import { ServiceName } from '@bookstore/shared/contracts';
import { DynamicModule, Module } from '@nestjs/common';

import { EventPublisher } from './publishing/event-publisher';
import { readinessRpcController } from './rpc/readiness-rpc.controller';

export interface MessagingModuleOptions {
  service: ServiceName;
  /** Every broker node's URL. */
  amqpUrls: readonly string[];
}

/**
 * What every service behind the gateway gets: the confirmed event publisher and the readiness RPC.
 * Import once, in the app's root module.
 */
@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      controllers: [readinessRpcController(options.service)],
      providers: [{ provide: EventPublisher, useFactory: () => new EventPublisher(options.amqpUrls) }],
      exports: [EventPublisher],
    };
  }
}
