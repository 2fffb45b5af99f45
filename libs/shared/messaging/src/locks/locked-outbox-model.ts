import type { Model } from 'mongoose';

import type { OutboxRelay } from '../outbox/outbox-relay';
import type { DocumentLocks } from './document-locks';

type RelayModels = ConstructorParameters<typeof OutboxRelay>[1];

/**
 * The view of a collection the OutboxRelay gets: reads as usual, but its `$pop` of a published
 * entry runs under the document's lock, so on FerretDB it cannot overwrite a state change or an
 * event appended at the same moment (see document-locks.ts).
 */
export function lockedOutboxModel<T>(
  model: Model<T>,
  locks: DocumentLocks,
  lockKey: (id: string) => string,
): RelayModels[number] {
  const view = {
    modelName: model.modelName,
    find: (...args: Parameters<Model<T>['find']>) => model.find(...args),
    updateOne: (filter: { _id: unknown }, update: Record<string, unknown>) => ({
      exec: () => locks.run(lockKey(String(filter._id)), () => model.updateOne(filter, update).exec()),
    }),
  };
  return view as unknown as RelayModels[number];
}
