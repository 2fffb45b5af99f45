/**
 * Integration: ending every session of a user, against the real MongoDB-compatible server and
 * Redis, through the feature module as the service wires it (events go to a recording publisher).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { EventEnvelope, UserSessionsRevokedPayload } from '@bookstore/shared/contracts';
import { Role, sessionsValidFromKey, USER_SESSIONS_REVOKED } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { OutboxRelay } from '@bookstore/shared/persistence';
import { REDIS_CLIENT, redisClientProvider } from '@bookstore/shared/platform';
import { RecordingPublisher } from '@bookstore/shared/testing';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import type { Redis } from 'ioredis';
import type { Connection, Model } from 'mongoose';

import { SessionMarks } from '../../adapters/session-marks';
import { AuthFeatureModule } from '../../auth-feature.module';
import { AuthConfig } from '../../config/auth.config';
import { SessionsRevokedHandler } from '../../events/sessions-revoked/sessions-revoked.handler';
import { RefreshToken } from '../../persistence/refresh-token.schema';
import { User } from '../../persistence/user.schema';
import { LoginHandler } from '../login/login.handler';
import { RegisterHandler } from '../register/register.handler';
import { SessionRevoker } from './session-revoker';

jest.setTimeout(120_000);

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'Correct-Horse-9';

describe('SessionRevoker (real MongoDB and Redis)', () => {
  const recorder = new RecordingPublisher();
  const config = new AuthConfig();
  let keysDir: string;
  let moduleRef: TestingModule;
  let users: Model<User>;
  let tokens: Model<RefreshToken>;
  let redis: Redis;

  beforeAll(async () => {
    keysDir = await mkdtemp(join(tmpdir(), 'auth-revoke-keys-'));
    Object.assign(config, { JWT_KEYS_DIR: keysDir });
    moduleRef = await Test.createTestingModule({
      imports: [
        MongooseModule.forRoot(MONGO_URL, {
          dbName: `auth_rev_${randomUUID().slice(0, 8)}`,
          autoIndex: true,
        }),
        recorder.module(),
        {
          module: class SpecRedis {},
          global: true,
          providers: [redisClientProvider(REDIS_URL)],
          exports: [REDIS_CLIENT],
        },
        AuthFeatureModule.forRoot(config),
      ],
    }).compile();
    users = moduleRef.get(getModelToken(User.name));
    tokens = moduleRef.get(getModelToken(RefreshToken.name));
    redis = moduleRef.get(REDIS_CLIENT);
    await Promise.all([users.init(), tokens.init()]);
    await moduleRef.init();
  });

  afterAll(async () => {
    await moduleRef.get<Connection>(getConnectionToken()).dropDatabase();
    await redis.quit();
    await moduleRef.close();
    await rm(keysDir, { recursive: true, force: true });
  });

  /** A registered user with `sessions` logins; their id. */
  async function userWithSessions(sessions: number): Promise<string> {
    const email = `revoke-${randomUUID().slice(0, 8)}@example.test`;
    const user = await moduleRef.get(RegisterHandler).execute({ email, password: PASSWORD, name: 'Ada' });
    for (let i = 0; i < sessions; i++)
      await moduleRef.get(LoginHandler).execute({ email, password: PASSWORD });
    return user.id;
  }

  const live = (userId: string) => tokens.countDocuments({ userId, revokedAt: null });
  const markOf = async (userId: string) => Number(await redis.get(sessionsValidFromKey(userId)));

  it('revokes every refresh token, moves the mark forward and announces it once, with the roles in the same write', async () => {
    const [userId, bystander] = [await userWithSessions(3), await userWithSessions(1)];
    const before = Date.now();
    const user = await moduleRef.get(SessionRevoker).revokeAll(userId, 'roles-changed', {
      roles: [Role.Customer, Role.Admin],
    });

    expect(user?.roles).toEqual([Role.Customer, Role.Admin]);
    const validFrom = (await users.findById(userId).lean())?.sessionsValidFrom?.getTime() ?? 0;
    expect(validFrom).toBeGreaterThanOrEqual(before);
    expect(await live(userId)).toBe(0);
    expect(await live(bystander)).toBe(1);
    expect(await markOf(userId)).toBe(validFrom);
    const ttl = await redis.pttl(sessionsValidFromKey(userId));
    expect(ttl).toBeGreaterThan(config.ACCESS_TOKEN_TTL_SECONDS * 1000 - 5000);
    await moduleRef.get(OutboxRelay).flush();
    const announced = (recorder.published as EventEnvelope<UserSessionsRevokedPayload>[]).filter(
      (event) => event.type === USER_SESSIONS_REVOKED && event.payload.userId === userId,
    );
    expect(announced.map((event) => event.payload)).toEqual([
      { userId, notBefore: new Date(validFrom).toISOString(), reason: 'roles-changed' },
    ]);
  });

  it('never moves the stored instant or the Redis mark back (an older revocation arriving late)', async () => {
    const userId = await userWithSessions(1);
    await moduleRef.get(SessionRevoker).revokeAll(userId, 'logout-all');
    const validFrom = (await users.findById(userId).lean())?.sessionsValidFrom?.getTime() ?? 0;
    const older = new Date(validFrom - 60_000);
    const late = createEnvelope(USER_SESSIONS_REVOKED, {
      userId,
      notBefore: older.toISOString(),
      reason: 'password-reset',
    });

    await moduleRef.get(SessionsRevokedHandler).execute(late);
    await moduleRef.get(SessionMarks).advance(userId, older);

    expect(await markOf(userId)).toBe(validFrom);
    expect((await users.findById(userId).lean())?.sessionsValidFrom?.getTime()).toBe(validFrom);
  });

  it('the consumer completes a revocation whose request died after the write, and a redelivery changes nothing', async () => {
    const userId = await userWithSessions(2);
    const notBefore = new Date();
    const event = createEnvelope(USER_SESSIONS_REVOKED, {
      userId,
      notBefore: notBefore.toISOString(),
      reason: 'logout-all',
    });
    // A login after the revocation instant lives on.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const email = (await users.findById(userId).lean())?.email as string;
    await moduleRef.get(LoginHandler).execute({ email, password: PASSWORD });

    for (let delivery = 0; delivery < 2; delivery++) {
      await moduleRef.get(SessionsRevokedHandler).execute(event);
      expect(await live(userId)).toBe(1);
      expect(await markOf(userId)).toBe(notBefore.getTime());
    }
  });
});
