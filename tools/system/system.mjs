#!/usr/bin/env node
// Builds and runs the five services as plain node processes, for `npm start`, `npm test` and the
// fault suites. It stops only the processes it started (pids under .infra/run/<tag>/).
//
//   node tools/system/system.mjs start [--no-build] [--replicas N]
//                                                     build, start N of each app (default 1, or
//                                                     REPLICAS), wait until every one is ready
//   node tools/system/system.mjs stop                 SIGTERM (then SIGKILL) what `start` started
//   node tools/system/system.mjs stop-one <instance>  stop one instance (`orders`, `orders-2`, …)
//   node tools/system/system.mjs start-one <instance> start one instance (already built)
//   node tools/system/system.mjs plan [--replicas N]  print the instances and their ports (JSON)
//
// SYSTEM_TAG namespaces pids and logs so separate sandboxes can run side by side; BOOKSTORE_DIST
// chooses where builds go. Replica r > 1 of an app is `<app>-<r>` with its own pid, log and ops
// port (tools/system/replicas.mjs). Every other variable is passed through to the services.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureNodeRuntime } from '../lib/node-runtime.mjs';
import { serviceAmqpEnv } from './broker-credentials.mjs';
import {
  APPS,
  gatewayPorts,
  instanceEnv,
  instances,
  parseInstance,
  replicaCount,
  serviceOpsPorts,
} from './replicas.mjs';

export { APPS } from './replicas.mjs';
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
// Read when used, not at import: callers may set SYSTEM_TAG, BOOKSTORE_DIST or ports afterwards.
const tag = () => process.env.SYSTEM_TAG ?? 'default';
const runDir = () => join(root, '.infra/run', `system-${tag()}`);
const logDir = () => join(root, '.infra/log', `system-${tag()}`);
const distDir = () => process.env.BOOKSTORE_DIST ?? join(root, 'dist/apps');
/** Replicas per app: REPLICAS (the `--replicas` flag sets it), 1 by default. */
export const replicas = () => replicaCount(process.env.REPLICAS);
/** Every gateway's base URL (one per replica); callers spread their requests over them. */
export const gatewayUrls = () =>
  gatewayPorts(replicas(), process.env).map((port) => `http://127.0.0.1:${port}`);
/** Every instance of the configured system, in start order. */
export const allInstances = () => instances(replicas());

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

/** Starts one instance (`orders`, `orders-2`, …) of a built app; returns its pid. */
export function startOne(name) {
  const { app } = parseInstance(name);
  mkdirSync(runDir(), { recursive: true });
  mkdirSync(logDir(), { recursive: true });
  const main = join(distDir(), app, 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first`);
  const log = openSync(join(logDir(), `${name}.log`), 'a');
  const child = spawn(process.execPath, ['--enable-source-maps', main], {
    cwd: root,
    env: { ...process.env, ...serviceAmqpEnv(app, process.env), ...instanceEnv(name, process.env) },
    stdio: ['ignore', log, log],
    detached: true,
  });
  child.unref();
  writeFileSync(pidFile(name), String(child.pid));
  return child.pid;
}

/** Starts every instance of the configured system; returns { instance: pid }. */
export function startAll() {
  return Object.fromEntries(allInstances().map((name) => [name, startOne(name)]));
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function stopOne(name, signal = 'SIGTERM') {
  if (!existsSync(pidFile(name))) return;
  const pid = Number(readFileSync(pidFile(name), 'utf8'));
  if (alive(pid)) {
    process.kill(pid, signal);
    for (let i = 0; i < 100 && alive(pid); i++) await sleep(200);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile(name), { force: true });
}

/** Whether `url` answers 200 within 5 s; otherwise what it said, for the error message. */
async function probe(url) {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    const text = await res.text();
    return res.status === 200 ? null : `${url}: ${res.status} ${text}`;
  } catch (error) {
    return `${url}: ${error.message ?? error}`;
  }
}

/**
 * Waits until every gateway answers /api/v1/health with 200 and, with replicas, every service
 * instance answers its own /health/ready (the gateway's health asks each service once, which any
 * one replica answers, so it alone cannot tell that a restarted replica is back).
 */
export async function waitHealthy(timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  const urls = gatewayUrls().map((url) => `${url}/api/v1/health`);
  if (replicas() > 1) {
    for (const { port } of serviceOpsPorts(replicas(), process.env))
      urls.push(`http://127.0.0.1:${port}/health/ready`);
  }
  let last = '';
  while (Date.now() < deadline) {
    const failures = (await Promise.all(urls.map(probe))).filter(Boolean);
    if (failures.length === 0) return;
    last = failures.join('; ');
    await sleep(1000);
  }
  throw new Error(`system not healthy after ${timeoutMs} ms: ${last}`);
}

/** Instances with a pid file in this system's run folder (whatever replica count started them). */
export function recordedInstances() {
  if (!existsSync(runDir())) return [];
  return readdirSync(runDir())
    .filter((file) => file.endsWith('.pid'))
    .map((file) => file.slice(0, -4));
}

export async function stopAll() {
  // Gateways first so no new requests arrive, then the services; every recorded instance, so a
  // `stop` without --replicas still stops the replicas a `start --replicas N` started.
  const rank = (name) => APPS.indexOf(parseInstance(name).app);
  const names = recordedInstances().filter((name) => {
    try {
      return rank(name) >= 0;
    } catch {
      return false;
    }
  });
  names.sort((a, b) => rank(b) - rank(a));
  for (const name of names) await stopOne(name);
}

async function main() {
  const args = process.argv.slice(2);
  const flag = args.indexOf('--replicas');
  if (flag >= 0) {
    process.env.REPLICAS = String(replicaCount(args[flag + 1]));
    args.splice(flag, 2);
  }
  const [command, arg] = args;
  switch (command) {
    case 'start':
      replicas(); // refuses a bad REPLICAS before the minute-long build
      if (!args.includes('--no-build')) build();
      for (const [name, pid] of Object.entries(startAll()))
        console.log(`[system] ${name} started (pid ${pid})`);
      await waitHealthy();
      console.log(`[system] healthy: ${gatewayUrls().join(', ')}`);
      break;
    case 'plan':
      console.log(
        JSON.stringify(
          allInstances().map((name) => ({ name, env: instanceEnv(name, process.env) })),
          null,
          2,
        ),
      );
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
      console.error(
        'usage: system.mjs start [--no-build] [--replicas N] | stop | start-one INSTANCE | stop-one INSTANCE | wait | plan',
      );
      process.exit(2);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await ensureNodeRuntime();
  main().catch((error) => {
    console.error(`[system] ${error.message}`);
    process.exit(1);
  });
}
