import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BrokerUser } from './support/broker-user';
import { type AppName, APPS, describeRun, repoPath, run, SLOW_SETUP_MS } from './support/repo';

// The Dockerfile's steps, outside Docker: production build of one app, `npm ci --omit=dev` against
// the package.json/package-lock.json that build emits, then `node main.js` from that folder alone
// (no workspace node_modules above it), and the ops port must answer /health/live.
// Needs MongoDB, RabbitMQ and Redis on localhost (tools/infra/infra.sh up) and the npm registry.
const APP = (process.env.DELIVERY_APP ?? 'auth') as AppName;
const OPS_PORT = Number(process.env.DELIVERY_OPS_PORT ?? 19101);
const HTTP_PORT = Number(process.env.DELIVERY_HTTP_PORT ?? 13000);
const START_TIMEOUT_MS = 60_000;

let workDir: string;
let appDir: string;
let app: ChildProcess | undefined;
let broker: BrokerUser | undefined;
let output = '';

/** GET on the app's ops port; resolves with the status code, or 0 when nothing answers. */
const probe = (path: string) =>
  new Promise<number>((done) => {
    const req = get({ host: '127.0.0.1', port: OPS_PORT, path, timeout: 2000 }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(0));
  });

beforeAll(() => {
  expect(APPS).toContain(APP);
  workDir = mkdtempSync(join(tmpdir(), `delivery-${APP}-`));
  // The Dockerfile's build stage. BOOKSTORE_DIST keeps this build out of the shared dist/.
  const distRoot = join(workDir, 'dist');
  const build = run('npx', ['nx', 'build', APP, '--configuration=production', '--skip-nx-cache'], {
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', BOOKSTORE_DIST: distRoot },
  });
  if (build.status !== 0) throw new Error(`nx build ${APP}: ${describeRun(build)}`);
  const built = [join(distRoot, APP), repoPath('dist/apps', APP)].find((dir) =>
    existsSync(join(dir, 'main.js')),
  );
  if (!built) throw new Error(`nx build ${APP} wrote no main.js`);

  // The runtime stage: install from the emitted manifest first, then add the bundle. The folder is
  // outside the repo, so nothing can resolve from the workspace's node_modules by accident.
  appDir = join(workDir, 'app');
  mkdirSync(appDir);
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(built, file), join(appDir, file));
  const install = run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: appDir });
  if (install.status !== 0) throw new Error(`npm ci --omit=dev: ${describeRun(install)}`);
  cpSync(built, appDir, { recursive: true });
  cpSync(repoPath('docker/healthcheck.js'), join(appDir, 'healthcheck.js'));
}, SLOW_SETUP_MS);

afterAll(async () => {
  await stopApp();
  broker?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/** SIGTERM, as Kubernetes and `docker stop` send it; resolves with how the process ended. */
function stopApp(): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined> {
  const child = app;
  app = undefined;
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve(undefined);
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000); // terminationGracePeriodSeconds
    child.once('exit', (code, signal) => {
      clearTimeout(killer);
      done({ code, signal });
    });
    child.kill('SIGTERM');
  });
}

it('installs only production dependencies', () => {
  const installed = readdirSync(join(appDir, 'node_modules'));
  for (const devOnly of ['nx', 'jest', 'typescript', 'webpack', '@nx'])
    expect(installed).not.toContain(devOnly);
  expect(installed).toContain('@nestjs');
});

it(
  `starts from the pruned folder and answers /health/live on its ops port, then stops on SIGTERM`,
  async () => {
    // Production refuses RabbitMQ's guest account and weak admin passwords: the check meets both rules.
    broker = BrokerUser.create('delivery_check');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      APP,
      [`${APP.toUpperCase()}_OPS_PORT`]: String(OPS_PORT),
      GATEWAY_PORT: String(HTTP_PORT),
      // A database of its own, so the check never touches a developer's data.
      [`${APP.toUpperCase()}_MONGO_DB`]: `delivery_check_${APP}`,
      MONGO_URL: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
      AMQP_URL: broker.url,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      JWT_KEYS_DIR: join(workDir, 'jwt-keys'),
      // A throwaway key pair: production never creates keys unless told to.
      JWT_KEYS_GENERATE: 'true',
      ADMIN_EMAIL: 'delivery-check@bookstore.local',
      ADMIN_PASSWORD: 'Pruned-Start-9x!Pw',
      SMTP_URL: 'smtp://127.0.0.1:1025',
      MAIL_FROM: 'Bookstore <no-reply@bookstore.local>',
    };
    // A 200 must come from the process started here, not from something already on the port.
    if ((await probe('/health/live')) !== 0)
      throw new Error(`port ${OPS_PORT} is busy: set DELIVERY_OPS_PORT`);
    app = spawn(process.execPath, ['main.js'], { cwd: appDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    app.stdout?.on('data', (chunk) => (output += chunk));
    app.stderr?.on('data', (chunk) => (output += chunk));

    let status = 0;
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (status !== 200 && Date.now() < deadline && app.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      status = await probe('/health/live');
    }
    if (status !== 200 || app.exitCode !== null) {
      throw new Error(
        `GET :${OPS_PORT}/health/live answered ${status || 'nothing'}; the app's output:\n${output.slice(-3000)}`,
      );
    }

    // The image's HEALTHCHECK script agrees.
    const check = run(process.execPath, ['healthcheck.js'], { cwd: appDir, env });
    expect(check.status).toBe(0);

    const exit = await stopApp();
    expect(exit?.signal).not.toBe('SIGKILL'); // it drained and exited within the grace period
  },
  START_TIMEOUT_MS + 60_000,
);
