// Shared by `npm start` and `npm test`: install dependencies when missing, bring the
// infrastructure up, and remember exactly which servers this process started so it stops only those.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const infraScript = join(root, 'tools/infra/infra.sh');
const SERVERS = ['mongodb', 'redis', 'rabbitmq', 'jaeger', 'prometheus'];

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

/**
 * `infra.sh prepare` in the background: on a fresh machine it builds FerretDB and the DocumentDB
 * root (minutes) and installs RabbitMQ/Redis while npm installs; `infra.sh up` later waits for
 * those builds (they hold locks) instead of starting them. It starts no server; its output goes to
 * .infra/log/prepare.log, and `up` reports any failure itself.
 */
function prepareInfraInBackground() {
  const logDir = join(root, '.infra/log');
  mkdirSync(logDir, { recursive: true });
  const out = openSync(join(logDir, 'prepare.log'), 'w');
  const child = spawn('bash', [infraScript, 'prepare'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', out, out],
  });
  child.on('error', () => undefined);
  child.unref();
}

/**
 * Installs the locked dependencies when node_modules is missing. `npm ci` first; when npm judges the
 * lockfile incomplete (it omits optional platform packages such as sass-embedded's that the registry
 * did not serve), `npm install` installs the same locked versions instead.
 */
export function ensureDependencies() {
  if (existsSync(join(root, 'node_modules/.bin/nx'))) return;
  prepareInfraInBackground();
  console.log('[deps] installing npm dependencies (npm ci)');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) === 0) return;
  console.log('[deps] npm ci refused the lockfile; installing the locked versions with npm install');
  if (run('npm', ['install', '--no-audit', '--no-fund']) !== 0) throw new Error('npm install failed');
}

function serversUp() {
  const out = spawnSync('bash', [infraScript, 'status'], { cwd: root, encoding: 'utf8' }).stdout ?? '';
  return new Set(SERVERS.filter((name) => out.includes(`${name}: up`)));
}

/**
 * Starts what is not reachable; returns the names this call started. `env` is the environment of the
 * system that will run: Prometheus's scrape targets are written from its *_OPS_PORT variables.
 */
export function infraUp(env = process.env) {
  const before = serversUp();
  if (run('bash', [infraScript, 'up'], { env }) !== 0) throw new Error('infrastructure did not start');
  // Up now and not before: Jaeger and Prometheus may be switched off or fail without failing `up`.
  const after = serversUp();
  return SERVERS.filter((name) => !before.has(name) && after.has(name));
}

/**
 * The local Jaeger's and Prometheus's URLs, each only when it answers (`infra.sh status`; either
 * may be switched off with BOOKSTORE_JAEGER/BOOKSTORE_PROMETHEUS=off). Ports as infra.sh has them:
 * its defaults unless the same variables move them.
 */
export function observabilityUrls(env = process.env) {
  const up = serversUp();
  const url = (variable, port) => `http://127.0.0.1:${env[variable] || port}`;
  return {
    jaegerUi: up.has('jaeger') ? url('JAEGER_UI_PORT', 16686) : undefined,
    otlpEndpoint: up.has('jaeger') ? url('JAEGER_OTLP_HTTP_PORT', 4318) : undefined,
    prometheus: up.has('prometheus') ? url('PROMETHEUS_PORT', 9090) : undefined,
  };
}

/** Stops only the given servers (the ones this process started). */
export function infraDown(started) {
  for (const name of started) run('bash', [infraScript, 'stop-one', name]);
}
