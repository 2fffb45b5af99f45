/**
 * Integration: the auth service's invariants under concurrency, against the real MongoDB-compatible
 * server, through the feature module as the service wires it. The relay publishes to a recording
 * publisher, so what would reach RabbitMQ is counted exactly.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { RefreshTokenStore } from '@bookstore/auth/domain';
import { hashRefreshToken, RefreshTokenFamilies } from '@bookstore/auth/domain';
import type { EventEnvelope, TokenPairDto } from '@bookstore/shared/contracts';
import { Role, USER_REGISTERED } from '@bookstore/shared/contracts';
import { OutboxRelay } from '@bookstore/shared/persistence';
import { REDIS_CLIENT, redisClientProvider } from '@bookstore/shared/platform';
import { RecordingPublisher } from '@bookstore/shared/testing';
import { getConnectionToken, getModelToken, MongooseModule } from '@nestjs/mongoose';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import type { Redis } from 'ioredis';
import type { Connection, Model } from 'mongoose';

import { AuthFeatureModule } from './auth-feature.module';
import { LoginHandler } from './commands/login/login.handler';
import { RefreshHandler } from './commands/refresh/refresh.handler';
import { RegisterHandler } from './commands/register/register.handler';
import { SeedAdminHandler } from './commands/seed-admin/seed-admin.handler';
import { AuthConfig } from './config/auth.config';
import { RefreshToken } from './persistence/refresh-token.schema';
import { RefreshTokensRepository } from './persistence/refresh-tokens.repository';
import { User } from './persistence/user.schema';

jest.setTimeout(120_000);

const MONGO_URL = process.env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'Correct-Horse-9';

describe('auth (real MongoDB)', () => {
  const recorder = new RecordingPublisher();
  const published = recorder.published as EventEnvelope<Record<string, unknown>>[];
  let keysDir: string;
  let moduleRef: TestingModule;
  let users: Model<User>;
  let tokens: Model<RefreshToken>;

  beforeAll(async () => {
    keysDir = await mkdtemp(join(tmpdir(), 'auth-it-keys-'));
    const config = Object.assign(new AuthConfig(), { JWT_KEYS_DIR: keysDir });
    moduleRef = await Test.createTestingModule({
      imports: [
        MongooseModule.forRoot(MONGO_URL, { dbName: `auth_it_${randomUUID().slice(0, 8)}`, autoIndex: true }),
        recorder.module(),
        // Ending sessions sets the gateway's mark in Redis (ServiceCoreModule provides it in the app).
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
    // The unique indexes must exist before the races start.
    await Promise.all([users.init(), tokens.init()]);
    await moduleRef.init();
  });

  afterAll(async () => {
    await moduleRef.get<Connection>(getConnectionToken()).dropDatabase();
    await moduleRef.get<Redis>(REDIS_CLIENT).quit();
    await moduleRef.close();
    await rm(keysDir, { recursive: true, force: true });
  });

  const register = (email: string) =>
    moduleRef.get(RegisterHandler).execute({ email, password: PASSWORD, name: 'Ada' });

  const codeOf = (result: PromiseSettledResult<unknown>) =>
    result.status === 'rejected' ? (result.reason as { code?: string }).code : 'fulfilled';

  it('keeps one account per e-mail when 10 registrations race, and announces it once', async () => {
    const email = `race-${randomUUID().slice(0, 8)}@example.test`;
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => register(i % 2 ? email.toUpperCase() : email)),
    );

    expect(results.map(codeOf).sort()).toEqual(['fulfilled', ...Array(9).fill('AUTH.EMAIL_TAKEN')].sort());
    expect(await users.countDocuments({ email })).toBe(1);
    await moduleRef.get(OutboxRelay).flush();
    const announced = published.filter((e) => e.type === USER_REGISTERED && e.payload['email'] === email);
    expect(announced).toHaveLength(1);
    expect((await users.findOne({ email }).lean())?.outbox).toEqual([]);
  });

  it('spends a refresh token once when 20 refreshes race; the reuse revokes the whole family', async () => {
    const email = `refresh-${randomUUID().slice(0, 8)}@example.test`;
    await register(email);
    const { refreshToken } = await moduleRef.get(LoginHandler).execute({ email, password: PASSWORD });

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => moduleRef.get(RefreshHandler).execute(refreshToken)),
    );

    expect(results.map(codeOf).sort()).toEqual(
      ['fulfilled', ...Array(19).fill('AUTH.REFRESH_INVALID')].sort(),
    );
    const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<TokenPairDto>)
      .value;
    // The spent token was presented again: neither the thief nor the owner may go on.
    await expect(moduleRef.get(RefreshHandler).execute(winner.refreshToken)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });
    const user = await users.findOne({ email }).lean();
    const family = await tokens.find({ userId: String(user?._id) }).lean();
    // The presented token, the winner's successor, and the unseen successor of each loser that got
    // as far as storing one before the family was revoked (how many did is up to the race).
    expect(family.length).toBeGreaterThanOrEqual(2);
    expect(family.length).toBeLessThanOrEqual(21);
    expect(family.every((token) => token.revokedAt !== null)).toBe(true);
  });

  it('answers one new pair and one 401 when two refreshes of one token race, 30 rounds', async () => {
    const email = `pair-${randomUUID().slice(0, 8)}@example.test`;
    const user = await register(email);
    const families = moduleRef.get(RefreshTokenFamilies);
    for (let round = 0; round < 30; round++) {
      const { token } = await families.start(user.id);
      const results = await Promise.allSettled([
        moduleRef.get(RefreshHandler).execute(token),
        moduleRef.get(RefreshHandler).execute(token),
      ]);
      expect({ round, codes: results.map(codeOf).sort() }).toEqual({
        round,
        codes: ['AUTH.REFRESH_INVALID', 'fulfilled'],
      });
    }
  });

  it('revokes the successor of a rotation when a reuse lands right after its spend', async () => {
    const store = moduleRef.get(RefreshTokensRepository);
    const families = new RefreshTokenFamilies(store, 60_000);
    const first = await families.start(`user-${randomUUID()}`);
    // The owner's rotation spends the token; the thief's reuse runs before the owner goes on.
    let thief: Promise<unknown> | undefined;
    const reuseAfterSpend: RefreshTokenStore = {
      find: (hash) => store.find(hash),
      isFamilyRevoked: (familyId) => store.isFamilyRevoked(familyId),
      revokeFamily: (familyId, now) => store.revokeFamily(familyId, now),
      insert: (record) => store.insert(record),
      spend: async (hash, now) => {
        const spent = await store.spend(hash, now);
        thief = families.rotate(first.token);
        await thief.catch(() => undefined);
        return spent;
      },
    };

    const second = await new RefreshTokenFamilies(reuseAfterSpend, 60_000).rotate(first.token);

    await expect(thief).rejects.toMatchObject({ code: 'AUTH.REFRESH_INVALID' });
    // Revoked in the store by the reuse itself, not only refused when next presented.
    const stored = await tokens.findOne({ tokenHash: hashRefreshToken(second.token) }).lean();
    expect(stored?.revokedAt).not.toBeNull();
    await expect(families.rotate(second.token)).rejects.toMatchObject({ code: 'AUTH.REFRESH_INVALID' });
  });

  it('never promotes: an ADMIN_EMAIL held by a customer stops the start and the account stays a customer', async () => {
    const email = `squatter-${randomUUID().slice(0, 8)}@example.test`;
    await register(email);

    await expect(moduleRef.get(SeedAdminHandler).execute(email, 'Another-Pass-42')).rejects.toThrow(
      /ADMIN_EMAIL: an account with this e-mail exists and is not an administrator/,
    );
    expect((await users.findOne({ email }).lean())?.roles).toEqual([Role.Customer]);
  });

  it('leaves an existing administrator’s password alone when ADMIN_PASSWORD changed', async () => {
    const email = `admin-${randomUUID().slice(0, 8)}@example.test`;
    const seeder = moduleRef.get(SeedAdminHandler);
    await seeder.execute(email, PASSWORD);
    const before = await users.findOne({ email }).lean();

    await seeder.execute(email, 'A-New-Initial-Pass-7');

    expect((await users.findOne({ email }).lean())?.passwordHash).toBe(before?.passwordHash);
    await expect(moduleRef.get(LoginHandler).execute({ email, password: PASSWORD })).resolves.toBeDefined();
  });

  it('seeds the administrator once when two replicas start together', async () => {
    const email = `admin-${randomUUID().slice(0, 8)}@example.test`;
    const seeder = moduleRef.get(SeedAdminHandler);

    await Promise.all([seeder.execute(email, PASSWORD), seeder.execute(email, PASSWORD)]);

    const admins = await users.find({ email }).lean();
    expect(admins).toHaveLength(1);
    expect(admins[0].roles).toEqual([Role.Customer, Role.Admin]);
  });
});
