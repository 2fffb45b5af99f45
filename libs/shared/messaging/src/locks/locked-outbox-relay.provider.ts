import type { Provider } from '@nestjs/common';
import { getModelToken } from '@nestjs/mongoose';
import type { Model } from 'mongoose';

import { OutboxRelay } from '../outbox/outbox-relay';
import { EventPublisher } from '../publishing/event-publisher';
import { DocumentLocks } from './document-locks';
import { lockedOutboxModel } from './locked-outbox-model';

/** A collection whose documents carry an outbox, and the lock key its writers take per document. */
export interface LockedOutboxCollection {
  /** The Mongoose model name, as registered with `MongooseModule.forFeature`. */
  model: string;
  lockKey: (id: string) => string;
}

/**
 * The service's OutboxRelay under `token`, publishing the outboxes of `collections`, each pop under
 * the same per-document lock its writers take (FerretDB's updates are not atomic; see DocumentLocks).
 */
export function lockedOutboxRelayProvider(
  token: symbol,
  collections: readonly LockedOutboxCollection[],
): Provider {
  return {
    provide: token,
    inject: [EventPublisher, DocumentLocks, ...collections.map((c) => getModelToken(c.model))],
    useFactory: (publisher: EventPublisher, locks: DocumentLocks, ...models: Model<unknown>[]) =>
      new OutboxRelay(
        publisher,
        models.map((model, i) => lockedOutboxModel(model, locks, collections[i].lockKey)),
      ),
  };
}
