// Graceful stop of `npm start` (issue 15, item 5), in sandbox 5's environment (its ports, vhost,
// Redis db, databases and build folder) with the shared infrastructure already up, so start.mjs
// starts no infrastructure and must stop none:
//   - run A is started (a real build), one of its services is frozen (SIGSTOP: a service that does
//     not stop on SIGTERM), then A gets SIGTERM: every process A started is gone within 15 s;
//   - run B is begun while A is still stopping (held by the frozen service): B comes up healthy
//     and A's stop leaves B's processes and B's pid records alone; B then stops within 15 s too.
// start.mjs is begun on an older Node when the machine has one (/usr/bin/node), so the signal goes
// through tools/lib/node-runtime.mjs's re-exec under Node 24 as it does for `npm start`.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { pidAlive } from '../lib/pid.mjs';

const root = join(import.meta.dirname, '../..');
const SANDBOX = 5;
const STOP_WITHIN_MS = 15_000;

/** The oldest-layer Node to begin start.mjs with: an older system Node if any (re-exec path). */
const starter =
  ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
    if (!existsSync(path)) return false;
    const out = spawnSync(path, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' });
    return Number(out.stdout) > 0 && Number(out.stdout) < 24;
  }) ?? process.execPath;

/** sandbox.sh N's variables, on top of the test environment. */
function sandboxEnv() {
  const out = spawnSync('bash', [join(root, 'tools/dev/sandbox.sh'), String(SANDBOX)], { encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    CATALOG_SEED_DEMO: 'true',
    RATE_LIMIT_EXEMPT_CLIENTS: '127.0.0.1',
    LOG_LEVEL: 'warn',
    // Traces and metrics servers are not what this spec is about; never start them here.
    BOOKSTORE_JAEGER: 'off',
    BOOKSTORE_PROMETHEUS: 'off',
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
  };
  for (const line of out.stdout.split('\n')) {
    if (!line.startsWith('export ')) continue;
    for (const pair of line.slice('export '.length).trim().split(/\s+/)) {
      const at = pair.indexOf('=');
      env[pair.slice(0, at)] = pair.slice(at + 1).replace('$PATH', process.env.PATH ?? '');
    }
  }
  return env;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One `npm start` (start.mjs) run: its output, the pids it says it started ({ app: pid }), its exit.
 */
class StartRun {
  output = '';
  pids = {};
  exited = false;

  constructor(env, args) {
    this.child = spawn(starter, [join(root, 'tools/start/start.mjs'), ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const read = (chunk) => {
      this.output += chunk;
      for (const [, app, pid] of this.output.matchAll(/\[start\] (\w+) started \(pid (\d+)\)/g))
        this.pids[app] = Number(pid);
    };
    this.child.stdout.on('data', read);
    this.child.stderr.on('data', read);
    this.exit = new Promise((resolve) =>
      this.child.on('exit', (code, signal) => {
        this.exited = true;
        resolve({ code, signal });
      }),
    );
  }

  /** Resolves when the run says it is up; rejects when it exits first or after `timeoutMs`. */
  async up(timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes('Bookstore is up.')) {
      if (this.exited) throw new Error(`start.mjs exited before it was up:\n${this.output.slice(-3000)}`);
      if (Date.now() > deadline)
        throw new Error(`not up after ${timeoutMs} ms:\n${this.output.slice(-3000)}`);
      await sleep(250);
    }
  }

  /** Every pid the run started and the run's own process, gone within `ms`; the ones still alive. */
  async goneWithin(ms) {
    const deadline = Date.now() + ms;
    const pids = () => Object.values(this.pids).filter(pidAlive);
    while ((pids().length || !this.exited) && Date.now() < deadline) await sleep(100);
    return { left: pids(), exited: this.exited };
  }

  /** Last resort after a failed assertion: nothing of this run may outlive the spec. */
  kill() {
    for (const pid of Object.values(this.pids)) {
      try {
        process.kill(pid, 'SIGCONT');
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    if (!this.exited) this.child.kill('SIGKILL');
  }
}

async function answers(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(3000) })).status === 200;
  } catch {
    return false;
  }
}

test(
  'SIGTERM stops every process a start started within 15 s, and never a second start begun meanwhile',
  { timeout: 15 * 60_000 },
  async () => {
    const env = sandboxEnv();
    const health = `${env.GATEWAY_URL}/api/v1/health`;
    assert.equal(await answers(health), false, `${health} already answers: stop sandbox ${SANDBOX} first`);
    const runDir = join(root, '.infra/run', `system-${env.SYSTEM_TAG}`);
    const recorded = (app) => {
      const file = join(runDir, `${app}.pid`);
      return existsSync(file) ? Number(readFileSync(file, 'utf8')) : undefined;
    };
    const a = new StartRun(env, []);
    let b;
    try {
      await a.up(10 * 60_000);
      assert.equal(Object.keys(a.pids).length, 5, a.output);

      // A service that ignores SIGTERM holds A in its stop for a while (SIGSTOP defers the signal).
      process.kill(a.pids.auth, 'SIGSTOP');
      const stopAt = Date.now();
      a.child.kill('SIGTERM');
      await sleep(1000);
      assert.equal(a.exited, false, 'A should still be stopping (its auth is frozen)');
      b = new StartRun(env, ['--no-build']);

      const stopA = await a.goneWithin(STOP_WITHIN_MS - (Date.now() - stopAt));
      assert.deepEqual(stopA.left, [], `A's processes still running 15 s after SIGTERM:\n${a.output}`);
      assert.equal(stopA.exited, true, `A itself still running 15 s after SIGTERM:\n${a.output}`);

      await b.up(3 * 60_000);
      assert.equal(Object.keys(b.pids).length, 5, b.output);
      // A is gone for good; B's processes and B's records are untouched by A's stop.
      for (const [app, pid] of Object.entries(b.pids)) {
        assert.ok(pidAlive(pid), `B's ${app} (pid ${pid}) was stopped`);
        assert.equal(recorded(app), pid, `B's ${app} record was removed or replaced`);
        assert.notEqual(pid, a.pids[app]);
      }
      assert.equal(await answers(health), true, 'B is not healthy');

      const stopBAt = Date.now();
      b.child.kill('SIGTERM');
      const stopB = await b.goneWithin(STOP_WITHIN_MS);
      assert.deepEqual(stopB.left, [], `B's processes still running after 15 s:\n${b.output}`);
      assert.equal(stopB.exited, true, `B itself still running after 15 s:\n${b.output}`);
      assert.ok(Date.now() - stopBAt < STOP_WITHIN_MS);
      for (const app of Object.keys(b.pids)) assert.equal(recorded(app), undefined, `${app}.pid left behind`);
      assert.equal((await b.exit).code, 0);
    } finally {
      a.kill();
      b?.kill();
    }
  },
);
