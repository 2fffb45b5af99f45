import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { api, CUSTOMER_PASSWORD, uniqueEmail } from '@bookstore/shared/testing';

// Issue 12, items 5 and 7: what a careless operator and a racing client do. The start-up checks run
// the BUILT auth service (what `npm start` and the images run) as its own process; it must stop
// before it connects anywhere, so the running system is never touched, and it is killed by pid.
const ROOT = resolve(__dirname, '../../..');
const AUTH_MAIN = join(process.env['BOOKSTORE_DIST'] ?? join(ROOT, 'dist/apps'), 'auth/main.js');
const STOP_WITHIN_MS = 10_000;

interface Exit {
  code: number | null;
  output: string;
  ms: number;
}

/** Starts the built auth service with `env` over a minimal environment; resolves when it exits. */
function startAuth(env: Record<string, string>): Promise<Exit> {
  const started = Date.now();
  const keys = mkdtempSync(join(tmpdir(), 'operators-keys-'));
  const child = spawn(process.execPath, [AUTH_MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      // Ports and names nothing else uses: should a start get further than it must, it disturbs nobody.
      AUTH_OPS_PORT: '9599',
      AUTH_MONGO_DB: 'operators_e2e',
      MONGO_URL: 'mongodb://127.0.0.1:1',
      REDIS_URL: 'redis://127.0.0.1:1',
      JWT_KEYS_DIR: keys,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_WITHIN_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rmSync(keys, { recursive: true, force: true });
      done({ code, output, ms: Date.now() - started });
    });
  });
}

describe('operators: a production start refuses unsafe settings', () => {
  jest.setTimeout(30_000);

  beforeAll(() => {
    if (!existsSync(AUTH_MAIN)) throw new Error(`${AUTH_MAIN} is missing: build the services first`);
  });

  it('stops at once with the default admin password, naming ADMIN_PASSWORD and not echoing it', async () => {
    const exit = await startAuth({
      NODE_ENV: 'production',
      // A strong-looking broker password, so ADMIN_PASSWORD is the only rule broken.
      AMQP_URL: 'amqp://bookstore:Vq7-Broker-Pass-41@127.0.0.1:1/operators',
    });

    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull(); // it stopped on its own, not by the test's kill
    expect(exit.ms).toBeLessThan(STOP_WITHIN_MS);
    expect(exit.output).toContain('ADMIN_PASSWORD: with NODE_ENV=production must not be a placeholder');
    expect(exit.output).not.toContain('ChangeMe123!');
    expect(exit.output).not.toContain('AMQP_URL');
  });

  it('refuses a placeholder admin password too', async () => {
    const exit = await startAuth({
      NODE_ENV: 'production',
      ADMIN_PASSWORD: 'changeme-before-launch',
      AMQP_URL: 'amqp://bookstore:Vq7-Broker-Pass-41@127.0.0.1:1/operators',
    });
    expect(exit.code).not.toBe(0);
    expect(exit.output).toContain('ADMIN_PASSWORD: with NODE_ENV=production must not be a placeholder');
    expect(exit.output).not.toContain('changeme-before-launch');
  });

  it('names an invalid variable and its rule but never its value (a password in a URL)', async () => {
    const secret = 'S3cret-Broker-Pass-77';
    const exit = await startAuth({ AMQP_URL: `amqp://bookstore:${secret}@rabbit.internal:99999/operators` });

    expect(exit.code).not.toBe(0);
    expect(exit.code).not.toBeNull();
    expect(exit.output).toMatch(/AMQP_URL: must be a amqp:\/\/ or amqps:\/\/ URL/);
    expect(exit.output).not.toContain(secret);
    expect(exit.output).not.toContain('rabbit.internal');
  });
});

describe('refresh under races (over HTTP)', () => {
  it('answers one new pair and one 401 when one refresh token is presented twice at once', async () => {
    const email = uniqueEmail();
    expect(
      (
        await api('POST', '/api/v1/auth/register', {
          body: { email, password: CUSTOMER_PASSWORD, name: 'Twin' },
        })
      ).status,
    ).toBe(201);
    const login = await api('POST', '/api/v1/auth/login', { body: { email, password: CUSTOMER_PASSWORD } });
    expect(login.status).toBe(200);

    const refresh = () =>
      api('POST', '/api/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    const answers = await Promise.all([refresh(), refresh()]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
    const pair = answers.find((answer) => answer.status === 200)?.body;
    expect(pair).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    // The losing presentation was a reuse: the family is revoked, the winner's successor with it.
    expect(
      (await api('POST', '/api/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } })).status,
    ).toBe(401);
  });
});
