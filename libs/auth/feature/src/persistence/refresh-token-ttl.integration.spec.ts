/**
 * Integration (issue 13, item 7): the refresh tokens' TTL index, against the real MongoDB-compatible
 * server. The index is built as services build theirs (`createIndexes`, IndexBuilder), and the
 * server itself removes a token an hour past its expiry, spent or not, and keeps a younger one.
 */
import { randomUUID } from 'node:crypto';

import type { Connection, Model } from 'mongoose';
import { createConnection } from 'mongoose';

import type { RefreshToken } from './refresh-token.schema';
import { REFRESH_TOKEN_KEEP_AFTER_EXPIRY_SECONDS, RefreshTokenSchema } from './refresh-token.schema';

jest.setTimeout(180_000);

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const HOUR_MS = 3_600_000;

describe('refresh_tokens TTL (real MongoDB-compatible server)', () => {
  let connection: Connection;
  let tokens: Model<RefreshToken>;

  beforeAll(async () => {
    connection = await createConnection(MONGO_URL, {
      dbName: `auth_ttl_${randomUUID().slice(0, 8)}`,
      autoIndex: false,
    }).asPromise();
    tokens = connection.model<RefreshToken>('RefreshToken', RefreshTokenSchema);
    await tokens.createIndexes();
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  const token = (expiresAt: Date, state: Partial<RefreshToken> = {}) => ({
    tokenHash: randomUUID(),
    familyId: randomUUID(),
    userId: randomUUID(),
    expiresAt,
    usedAt: null,
    revokedAt: null,
    ...state,
  });

  it('has a TTL index on expiresAt that keeps a token an hour past its expiry', async () => {
    const ttl = (await tokens.collection.indexes()).find((index) => index.key['expiresAt'] === 1);
    expect(ttl).toMatchObject({ key: { expiresAt: 1 }, expireAfterSeconds: 3600 });
    expect(REFRESH_TOKEN_KEEP_AFTER_EXPIRY_SECONDS).toBe(3600);
  });

  it('lets the server remove spent and unused tokens past the hour, and keep the others', async () => {
    const now = Date.now();
    const [spentLongAgo, unusedLongAgo, expiredRecently, live] = await tokens.insertMany([
      token(new Date(now - 2 * HOUR_MS), { usedAt: new Date(now - 3 * HOUR_MS) }),
      token(new Date(now - 2 * HOUR_MS)),
      // Expired, but within the hour: still there for its family's revocation to be seen.
      token(new Date(now - 10 * 60_000), { revokedAt: new Date(now - 20 * 60_000) }),
      token(new Date(now + 7 * 24 * HOUR_MS), { usedAt: new Date(now) }),
    ]);

    // The server's TTL task runs about once a minute.
    const deadline = Date.now() + 150_000;
    const left = async () => (await tokens.find({}, { _id: 1 }).lean().exec()).map((doc) => String(doc._id));
    let ids = await left();
    while (ids.includes(String(spentLongAgo._id)) || ids.includes(String(unusedLongAgo._id))) {
      if (Date.now() > deadline) throw new Error(`the TTL task removed nothing: ${ids.length} tokens left`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      ids = await left();
    }
    expect(ids.sort()).toEqual([String(expiredRecently._id), String(live._id)].sort());
  });
});
