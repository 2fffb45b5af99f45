import type { DynamicModule, Provider } from '@nestjs/common';
import { Inject, Module } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { OutboxCollection } from './outbox-collection';
import type { OutboxPublisher } from './outbox-publisher';
import { OUTBOX_PUBLISHER } from './outbox-publisher';
import type { OutboxRelayOptions, WithOutbox } from './outbox-relay';
import { OutboxRelay } from './outbox-relay';

/** The injection token of the `OutboxCollection` of a Mongoose model. */
export const outboxCollectionToken = (modelName: string) => `OutboxCollection:${modelName}`;

/** Injects the `OutboxCollection` of the model registered as `modelName`. */
export const InjectOutbox = (modelName: string) => Inject(outboxCollectionToken(modelName));

/**
 * One `OutboxRelay` for the service's collections that carry an outbox, and an `OutboxCollection`
 * for each (inject with `@InjectOutbox(Model.name)`). The models must be registered with
 * `MongooseModule.forFeature` in the importing module's scope (pass it as `imports`); the
 * `OUTBOX_PUBLISHER` comes from the service runtime.
 */
@Module({})
export class OutboxModule {
  static forFeature(
    modelNames: readonly string[],
    imports: DynamicModule[],
    options: OutboxRelayOptions = {},
  ): DynamicModule {
    const relay: Provider = {
      provide: OutboxRelay,
      inject: [OUTBOX_PUBLISHER, ...modelNames.map((name) => getModelToken(name))],
      useFactory: (publisher: OutboxPublisher, ...models: Model<WithOutbox>[]) =>
        new OutboxRelay(publisher, models, options),
    };
    const collections: Provider[] = modelNames.map((name) => ({
      provide: outboxCollectionToken(name),
      inject: [getModelToken(name), OutboxRelay],
      useFactory: (model: Model<unknown>, outbox: OutboxRelay) => new OutboxCollection(model, outbox),
    }));
    return {
      module: OutboxModule,
      imports,
      providers: [relay, ...collections],
      exports: [OutboxRelay, ...collections.map((provider) => (provider as { provide: string }).provide)],
    };
  }
}
