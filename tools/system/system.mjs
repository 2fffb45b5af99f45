#!/usr/bin/env node
// Builds and runs the five services as plain node processes, for `npm start`, `npm test` and the
// fault suites. It stops only the processes it started (pids under .infra/run/<tag>/).
//
//   node tools/system/system.mjs start [--no-build]   build, start all, wait for /api/v1/health = 200
//   node tools/system/system.mjs stop                 SIGTERM (then SIGKILL) what `start` started
//   node tools/system/system.mjs stop-one <app>       stop one service
//   node tools/system/system.mjs start-one <app>      start one service (already built)
//
// SYSTEM_TAG namespaces pids and logs so separate sandboxes can run side by side; BOOKSTORE_DIST
// chooses where builds go. Every other variable is passed through to the services.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { serviceAmqpEnv } from './broker-credentials.mjs';

export const APPS = ['auth', 'catalog', 'orders', 'notifications', 'gateway'];
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// Read when used, not at import: callers may set SYSTEM_TAG, BOOKSTORE_DIST or ports afterwards.
const tag = () => process.env.SYSTEM_TAG ?? 'default';
const runDir = () => join(root, '.infra/run', `system-${tag()}`);
const logDir = () => join(root, '.infra/log', `system-${tag()}`);
const distDir = () => process.env.BOOKSTORE_DIST ?? join(root, 'dist/apps');
const gatewayUrl = () => `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 3000}`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pidFile = (app) => join(runDir(), `${app}.pid`);

export function build() {
  const args = ['nx', 'run-many', '-t', 'build', '--projects', APPS.join(','), '--parallel=2'];
  if (process.env.BOOKSTORE_DIST) args.push('--skip-nx-cache');
  const result = spawnSync('npx', args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (result.status !== 0) throw new Error('build failed');
}

export function startOne(app) {
  mkdirSync(runDir(), { recursive: true });
  mkdirSync(logDir(), { recursive: true });
  const main = join(distDir(), app, 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first`);
  const log = openSync(join(logDir(), `${app}.log`), 'a');
  const child = spawn(process.execPath, ['--enable-source-maps', main], {
    cwd: root,
    env: { ...process.env, ...serviceAmqpEnv(app, process.env) },
    stdio: ['ignore', log, log],
    detached: true,
  });
  child.unref();
  writeFileSync(pidFile(app), String(child.pid));
  return child.pid;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopOne(app, signal = 'SIGTERM') {
  if (!existsSync(pidFile(app))) return;
  const pid = Number(readFileSync(pidFile(app), 'utf8'));
  if (alive(pid)) {
    process.kill(pid, signal);
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(200);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile(app), { force: true });
}

export async function waitHealthy(timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${gatewayUrl()}/api/v1/health`, { signal: AbortSignal.timeout(5000) });
      last = await res.text();
      if (res.status === 200) return;
    } catch (error) {
      last = String(error);
    }
    await sleep(1000);
  }
  throw new Error(`system not healthy after ${timeoutMs} ms: ${last}`);
}

export async function stopAll() {
  // Gateway first so no new requests arrive, then the services.
  for (const app of [...APPS].reverse()) await stopOne(app);
}

async function main() {
  const [command, arg] = process.argv.slice(2);
  switch (command) {
    case 'start':
      if (!process.argv.includes('--no-build')) build();
      for (const app of APPS) console.log(`[system] ${app} started (pid ${startOne(app)})`);
      await waitHealthy();
      console.log(`[system] healthy: ${gatewayUrl()}/api/v1/health`);
      break;
    case 'stop':
      await stopAll();
      console.log('[system] stopped');
      break;
    case 'start-one':
      console.log(`[system] ${arg} started (pid ${startOne(arg)})`);
      break;
    case 'stop-one':
      await stopOne(arg);
      console.log(`[system] ${arg} stopped`);
      break;
    case 'wait':
      await waitHealthy();
      break;
    default:
      console.error('usage: system.mjs start [--no-build] | stop | start-one APP | stop-one APP | wait');
      process.exit(2);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[system] ${error.message}`);
    process.exit(1);
  });
}
