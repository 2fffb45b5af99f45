// Every harness that starts a system (`npm run bench`, `test:chaos`, `test:fuzz`) does it through
// bench/lib/sandbox.mjs's bringUpSystem, which brings up the infrastructure that does not answer
// first and stops exactly that when the run ends or fails (issue 15, item 4). The shared servers
// cannot be stopped here to show "nothing running", so the infrastructure calls are recorded: the
// order (before the sandbox's environment, whose vhost needs a broker), and that a failed start
// stops what was started. A free sandbox's environment (7 unless one runs there) (sandbox.sh: its vhost); nothing is built or started.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';

import { bringUpSystem } from '../../bench/lib/sandbox.mjs';

/** A sandbox whose gateway port nobody answers on (a developer's sandbox may be running). */
async function freeSandbox() {
  for (const n of [7, 8, 9, 6]) {
    const taken = await fetch(`http://127.0.0.1:3${n}00/`).then(
      () => true,
      () => false,
    );
    if (!taken) return n;
  }
  throw new Error('sandboxes 6–9 all have a gateway running: stop one');
}
const SANDBOX = await freeSandbox();

/** Infrastructure stand-in that records its calls; `up` "starts" `names`. */
function recordingInfra(names) {
  const calls = [];
  return {
    calls,
    up: () => {
      calls.push({ up: process.env.SYSTEM_TAG ?? null });
      return [...names];
    },
    down: (stopped) => calls.push({ down: stopped }),
  };
}

test('with Redis not answering, the run fails with the error and stops the infrastructure it started', async () => {
  delete process.env.SYSTEM_TAG;
  const infra = recordingInfra(['redis', 'rabbitmq']);
  await assert.rejects(
    bringUpSystem({
      sandbox: SANDBOX,
      attach: false,
      build: false,
      log: () => undefined,
      infra,
      // Nothing listens on port 1: what `npm run test:fuzz` met with nothing running.
      env: { REDIS_URL: `redis://127.0.0.1:1/${SANDBOX}` },
    }),
    /ECONNREFUSED/,
  );
  // Started before the sandbox's environment was applied, stopped exactly once with what it started.
  assert.deepEqual(infra.calls, [{ up: null }, { down: ['redis', 'rabbitmq'] }]);
});

test('--attach uses a running system and never touches the infrastructure', async () => {
  const server = createServer((_, res) => res.end('{}'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { GATEWAY_PORT, GATEWAY_URL } = process.env;
  process.env.GATEWAY_PORT = String(server.address().port);
  process.env.GATEWAY_URL = `http://127.0.0.1:${server.address().port}`;
  try {
    const infra = recordingInfra(['redis']);
    const up = await bringUpSystem({
      sandbox: SANDBOX,
      attach: true,
      build: false,
      log: () => undefined,
      infra,
    });
    await up.stop();
    assert.deepEqual(infra.calls, []);
  } finally {
    Object.assign(process.env, { GATEWAY_PORT, GATEWAY_URL });
    server.close();
  }
});
