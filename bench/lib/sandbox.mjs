// Runs a private copy of the system for a harness: the environment of `tools/dev/sandbox.sh N`
// (own RabbitMQ vhost, Redis db, Mongo databases, ports, build folder), started and stopped here.
// `--attach` uses the system described by the current environment instead and never stops it.
// Without --attach it also brings up the infrastructure (MongoDB, RabbitMQ, Redis…) that does not
// answer, and stops exactly that at the end: a harness run on a machine with nothing running works.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { infraDown, infraUp } from '../../tools/lib/infra.mjs';
import { ROOT } from './paths.mjs';

/** Applies the sandbox's variables to process.env; says whether it got its own RabbitMQ vhost. */
export function applySandboxEnv(n) {
  const out = spawnSync('bash', [join(ROOT, 'tools/dev/sandbox.sh'), String(n)], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`sandbox.sh ${n} failed: ${out.stderr}`);
  for (const line of out.stdout.split('\n')) {
    if (!line.startsWith('export ')) continue;
    for (const pair of line.slice('export '.length).trim().split(/\s+/)) {
      const at = pair.indexOf('=');
      // `export PATH=<node 24>/bin:$PATH`: a shell would expand the variable, so do the same.
      const value = pair.slice(at + 1).replace(/\$(\w+)/g, (_, name) => process.env[name] ?? '');
      process.env[pair.slice(0, at)] = value;
    }
  }
  // sandbox.sh creates the vhost only when this project runs RabbitMQ (.infra/data/rabbitmq).
  const ownVhost = existsSync(join(ROOT, '.infra/data/rabbitmq'));
  if (!ownVhost) {
    // An external broker: fall back to its default vhost. Queue names are fixed, so no other copy
    // of the system may use that vhost meanwhile (see docs/BENCHMARKS.md).
    process.env.AMQP_URL = process.env.BENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
  }
  process.env.LOG_LEVEL ??= 'warn';
  // The harnesses create their customers from this host, far more than one client may register.
  process.env.RATE_LIMIT_EXEMPT_CLIENTS ??= '127.0.0.1';
  // Not 'production': its start-up rules refuse a sandbox's local credentials (guest on the broker,
  // the default admin password, keys generated on the spot) and its orders need verified e-mails,
  // which the harnesses' customers do not have. NODE_ENV selects only those rules and defaults in
  // this code base, never a request path, so the figures are the same.
  process.env.NODE_ENV ??= 'test';
  return { ownVhost };
}

/** The system module, imported only after the environment is final (it reads it at load). */
export async function systemModule() {
  return import(join(ROOT, 'tools/system/system.mjs'));
}

export function gatewayUrl() {
  return process.env.GATEWAY_URL ?? `http://127.0.0.1:${process.env.GATEWAY_PORT ?? 3000}`;
}

/** Where a sandbox keeps the pids of its services. */
export function runDir() {
  return join(ROOT, '.infra/run', `system-${process.env.SYSTEM_TAG ?? 'default'}`);
}

async function answers(url) {
  try {
    await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts (or attaches to) the system. Returns { stop, startedHere, timings } where timings holds the
 * build time and the time from spawning the five processes to a healthy gateway. Unless attached,
 * first starts the infrastructure servers that do not answer (`infra.up`, tools/lib/infra.mjs's
 * infraUp by default); `stop` (and a failed start) stops the system, then exactly those servers.
 */
export async function bringUpSystem({
  sandbox,
  attach,
  build,
  env = {},
  log = console.log,
  infra = { up: infraUp, down: infraDown },
}) {
  if (attach) {
    log(`[system] attaching to ${gatewayUrl()} (tag ${process.env.SYSTEM_TAG ?? 'default'})`);
    const system = await systemModule();
    await system.waitHealthy(30_000);
    return { stop: async () => undefined, startedHere: false, timings: {}, system };
  }
  // Before the sandbox's environment: sandbox.sh creates its RabbitMQ vhost only on a running broker.
  const startedInfra = infra.up();
  const stopInfra = () => {
    const names = startedInfra.splice(0);
    if (names.length) log(`[system] stopping the infrastructure this run started: ${names.join(', ')}`);
    infra.down(names);
  };
  try {
    return await startSandboxSystem({ sandbox, build, env, log, stopInfra });
  } catch (error) {
    stopInfra();
    throw error;
  }
}

/** bringUpSystem's part after the infrastructure; its `stop` also calls `stopInfra`. */
async function startSandboxSystem({ sandbox, build, env, log, stopInfra }) {
  const { ownVhost } = applySandboxEnv(sandbox);
  // The caller's own infrastructure (the chaos suite's broker cluster and MongoDB) replaces the
  // sandbox's; undefined removes a variable.
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  if (!ownVhost && !env.AMQP_URL)
    log('[system] RabbitMQ is not managed by this project: using its default vhost');
  const url = gatewayUrl();
  if (await answers(url)) throw new Error(`${url} already answers: stop that system or pick --sandbox`);
  await flushSandboxRedis();
  await dropSandboxDatabases(log);
  const system = await systemModule();
  const timings = {};
  if (build) {
    log(`[system] building into ${process.env.BOOKSTORE_DIST} (about a minute)…`);
    const t0 = Date.now();
    system.build();
    timings.buildMs = Date.now() - t0;
  }
  const t0 = Date.now();
  let started = false;
  const stopSystem = async () => {
    if (!started) return;
    started = false;
    log('[system] stopping the services started by this run');
    await system.stopAll();
  };
  const stop = async () => {
    await stopSystem();
    stopInfra();
  };
  try {
    // Every instance: REPLICAS (the chaos suite's --replicas) may ask for more than one of each.
    system.startAll();
    started = true;
    await system.waitHealthy(180_000);
  } catch (error) {
    await stopSystem();
    throw error;
  }
  timings.startToHealthyMs = Date.now() - t0;
  log(`[system] healthy at ${url} after ${timings.startToHealthyMs} ms`);
  return { stop, startedHere: true, timings, system };
}

/**
 * Empties the sandbox's own Redis database (cache, login-failure counters, denylist), so a run is
 * not throttled by the previous one (the fuzzer's failed logins count against 127.0.0.1).
 */
async function flushSandboxRedis() {
  // Never database 0: that is the default one a developer's `npm start` uses.
  if (!/\/[1-9]\d*$/.test(process.env.REDIS_URL ?? '')) return;
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(process.env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  // connect() rejects with only "Connection is closed" when Redis does not answer; the 'error'
  // event says why (and unlistened, ioredis reports it as an unhandled error event).
  let cause;
  redis.on('error', (error) => (cause ??= error));
  try {
    await redis.connect().catch((error) => {
      throw new Error(`Redis ${process.env.REDIS_URL} does not answer: ${(cause ?? error).message}`);
    });
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

/**
 * Drops the sandbox's own MongoDB databases (sbN_*), so every run starts from the same small data:
 * on FerretDB/SQLite many queries scan whole collections, and figures would drift run after run.
 */
async function dropSandboxDatabases(log) {
  const names = ['AUTH', 'CATALOG', 'ORDERS', 'NOTIFICATIONS'].map((s) => process.env[`${s}_MONGO_DB`]);
  if (!names.every((name) => /^sb\d+_/.test(name ?? ''))) return;
  const { default: mongoose } = await import('mongoose');
  const connection = await mongoose
    .createConnection(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017', {
      serverSelectionTimeoutMS: 10_000,
    })
    .asPromise();
  try {
    for (const name of names) await connection.useDb(name).dropDatabase();
    log(`[system] dropped the sandbox databases ${names.join(', ')}`);
  } finally {
    await connection.close();
  }
}

/** Stops the system on Ctrl-C / SIGTERM too, then exits. */
export function stopOnSignals(stop) {
  const handler = async () => {
    await stop().catch(() => undefined);
    process.exit(130);
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}
