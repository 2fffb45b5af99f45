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
import { connect } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ensureNodeRuntime } from '../lib/node-runtime.mjs';
import { pidAlive } from '../lib/pid.mjs';
import { serviceAmqpEnv } from './broker-credentials.mjs';
import { serviceRuntimeEnv } from './node-options.mjs';
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

/** What a start builds: the five apps, and the storefront the gateway serves at `/`. */
const BUILT_PROJECTS = [...APPS, 'storefront'];

function buildCommand() {
  const args = ['nx', 'run-many', '-t', 'build', '--projects', BUILT_PROJECTS.join(','), '--parallel=2'];
  if (process.env.BOOKSTORE_DIST) args.push('--skip-nx-cache');
  const options = {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  };
  return { args, options };
}

export function build() {
  const { args, options } = buildCommand();
  const result = spawnSync('npx', args, options);
  if (result.status !== 0) throw new Error('build failed');
}

/**
 * The build without blocking the event loop, for `npm start`: a SIGTERM during the minute-long
 * build is handled at once. `cancel()` stops the whole build (its own process group: nx and its
 * workers); `done` resolves when it succeeded and rejects otherwise.
 */
export function buildInBackground() {
  const { args, options } = buildCommand();
  const child = spawn('npx', args, { ...options, detached: true });
  const done = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('build failed'))));
  });
  const cancel = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  return { done, cancel };
}

/** Starts one instance (`orders`, `orders-2`, …) of a built app; returns its pid. */
export function startOne(name) {
  const { app } = parseInstance(name);
  mkdirSync(runDir(), { recursive: true });
  mkdirSync(logDir(), { recursive: true });
  const main = join(distDir(), app, 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: build first`);
  const log = openSync(join(logDir(), `${name}.log`), 'a');
  // No --enable-source-maps: the bundles ship no source maps, and it cost resident memory.
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      ...serviceAmqpEnv(app, process.env),
      ...instanceEnv(name, process.env),
      ...serviceRuntimeEnv(process.env),
    },
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

/** The pid recorded for `name`, or undefined. */
function recordedPid(name) {
  try {
    const pid = Number(readFileSync(pidFile(name), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Removes `name`'s pid file only while it still records `pid`: a later run that started the same
 * instance meanwhile (a second `npm start` during this one's stop) keeps its record.
 */
function forget(name, pid) {
  if (recordedPid(name) === pid) rmSync(pidFile(name), { force: true });
}

/** Sends `signal` to `pid` when it is alive; true when it was. */
function signalIfAlive(pid, signal) {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Waits until every pid is gone or `deadline` (epoch ms) passes; returns those still alive. */
async function waitGone(pids, deadline) {
  let left = pids.filter(pidAlive);
  while (left.length && Date.now() < deadline) {
    await sleep(100);
    left = left.filter(pidAlive);
  }
  return left;
}

/** Stop budget: gateways get this long to drain before the services are signalled too… */
const GATEWAY_GRACE_MS = 4_000;
/** …and every instance this long in all before SIGKILL, so a stop ends well within 15 s. */
const STOP_GRACE_MS = 10_000;

/**
 * Stops exactly the given processes, { instance: pid } (the ones a run started, by the ids it
 * recorded in memory, never re-read from the pid files another run may have overwritten since):
 * SIGTERM to the gateways first so no new requests arrive, then to the services, all in parallel;
 * SIGKILL to whatever is left after STOP_GRACE_MS. Each pid file is removed only while it still
 * records that pid.
 */
export async function stopInstances(pids) {
  const started = Date.now();
  const entries = Object.entries(pids).filter(([, pid]) => Number.isInteger(pid) && pid > 0);
  const isGateway = ([name]) => {
    try {
      return parseInstance(name).app === 'gateway';
    } catch {
      return false;
    }
  };
  const gateways = entries.filter(isGateway);
  const services = entries.filter((entry) => !isGateway(entry));
  const signalled = gateways.filter(([, pid]) => signalIfAlive(pid, 'SIGTERM')).map(([, pid]) => pid);
  await waitGone(signalled, started + GATEWAY_GRACE_MS);
  for (const [, pid] of services) if (signalIfAlive(pid, 'SIGTERM')) signalled.push(pid);
  const left = await waitGone(signalled, started + STOP_GRACE_MS);
  for (const pid of left) signalIfAlive(pid, 'SIGKILL');
  await waitGone(left, Date.now() + 2_000);
  for (const [name, pid] of entries) forget(name, pid);
}

/** Stops the instance recorded as `name` (SIGTERM, SIGKILL after STOP_GRACE_MS). */
export async function stopOne(name, signal = 'SIGTERM') {
  const pid = recordedPid(name);
  if (pid === undefined) {
    rmSync(pidFile(name), { force: true });
    return;
  }
  if (signalIfAlive(pid, signal)) {
    const left = await waitGone([pid], Date.now() + STOP_GRACE_MS);
    for (const stuck of left) signalIfAlive(stuck, 'SIGKILL');
    await waitGone(left, Date.now() + 2_000);
  }
  forget(name, pid);
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

/**
 * Stops every instance recorded in this system's run folder (`system.mjs stop`, the harnesses), so a
 * `stop` without --replicas still stops the replicas a `start --replicas N` started. A run that knows
 * what it started (`npm start`) calls stopInstances with its own pids instead.
 */
export async function stopAll() {
  const pids = {};
  for (const name of recordedInstances()) {
    try {
      parseInstance(name);
    } catch {
      continue;
    }
    const pid = recordedPid(name);
    if (pid !== undefined) pids[name] = pid;
    else rmSync(pidFile(name), { force: true });
  }
  await stopInstances(pids);
}

/** Whether something accepts connections on 127.0.0.1:`port`. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const answer = (inUse) => {
      socket.destroy();
      resolve(inUse);
    };
    socket.setTimeout(1000);
    socket.once('connect', () => answer(true));
    // No answer within a second: something holds the port without accepting yet.
    socket.once('timeout', () => answer(true));
    socket.once('error', () => answer(false));
  });
}

/**
 * Waits until no port of the configured system (gateway HTTP and every ops port) is in use, e.g. by
 * a previous run that is still stopping; throws after `timeoutMs` naming the busy ports.
 */
export async function waitPortsFree(timeoutMs = 20_000) {
  const ports = allInstances().flatMap((name) =>
    Object.entries(instanceEnv(name, process.env))
      .filter(([variable]) => variable.endsWith('_PORT'))
      .map(([, value]) => Number(value)),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const busy = [];
    for (const port of ports) if (await listening(port)) busy.push(port);
    if (busy.length === 0) return;
    if (Date.now() >= deadline) throw new Error(`ports ${busy.join(', ')} are still in use`);
    await sleep(500);
  }
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
