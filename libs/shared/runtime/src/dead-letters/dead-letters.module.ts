import type { ServiceName } from '@bookstore/shared/contracts';
import { DeadLetterQueue } from '@bookstore/shared/messaging';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { DeadLetterRepository } from './dead-letter.repository';
import { DeadLetter, DeadLetterSchema } from './dead-letter.schema';
import { DeadLettersService } from './dead-letters.service';
import { deadLettersRpcController } from './dead-letters-rpc.controller';

export interface DeadLettersOptions {
  service: ServiceName;
  amqpUrls: readonly string[];
}

/**
 * Every service's parked events, for operators: moves what its dead-letter queue holds into its
 * own `dead_letters` collection and answers `<service>.dead-letters.list|get|replay|drop` (admin).
 */
@Module({})
export class DeadLettersModule {
  static forService(options: DeadLettersOptions): DynamicModule {
    return {
      module: DeadLettersModule,
      imports: [MongooseModule.forFeature([{ name: DeadLetter.name, schema: DeadLetterSchema }])],
      controllers: [deadLettersRpcController(options.service)],
      providers: [
        DeadLetterRepository,
        {
          provide: DeadLetterQueue,
          inject: [DeadLetterRepository],
          useFactory: (letters: DeadLetterRepository) =>
            new DeadLetterQueue(options.service, options.amqpUrls, (parked) => letters.park(parked)),
        },
        DeadLettersService,
      ],
    };
  }
}
