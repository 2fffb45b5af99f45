/**
 * Integration (issue 13, item 7): the `idempotency_keys` TTL index, built as services build theirs
 * (`createIndexes`, IndexBuilder) on the real MongoDB-compatible server, which removes documents
 * by it (FerretDB's TTL task runs about once a minute; refresh-token-ttl.integration.spec.ts in
 * auth watches it remove some).
 */
import { randomUUID } from 'node:crypto';

import type { Connection } from 'mongoose';
import { createConnection } from 'mongoose';

import { IdempotencyKeySchema } from './idempotency-key.schema';

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';

describe('idempotency_keys TTL (real MongoDB-compatible server)', () => {
  let connection: Connection;

  beforeAll(async () => {
    connection = await createConnection(MONGO_URL, {
      dbName: `orders_ttl_${randomUUID().slice(0, 8)}`,
      autoIndex: false,
    }).asPromise();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('has a TTL index on expiresAt with expireAfterSeconds 0', async () => {
    const model = connection.model('IdempotencyKey', IdempotencyKeySchema);
    await model.createIndexes();
    const indexes = await model.collection.indexes();
    expect(model.collection.collectionName).toBe('idempotency_keys');
    expect(indexes.find((index) => index.key['expiresAt'] === 1)).toMatchObject({
      key: { expiresAt: 1 },
      expireAfterSeconds: 0,
    });
  });
});
