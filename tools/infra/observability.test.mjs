// infra.sh's Jaeger and Prometheus, for real but private: a copy of the scripts and configs in a
// temporary root (infra.sh keeps its pids, logs and data next to itself, so nothing of the
// checkout's .infra is touched), on free ports. `node --test tools/infra/` — needs Go (Jaeger is
// built once per machine into ~/.cache/bookstore, as `infra.sh prepare` does) and Debian's
// prometheus package (`infra.sh prepare` installs it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** What infra.sh's jaeger/prometheus commands read, copied at the same relative paths. */
const FILES = [
  'tools/infra/infra.sh',
  'tools/infra/prometheus-targets.mjs',
  'tools/system/replicas.mjs',
  'observability/jaeger/jaeger.yaml',
  'observability/jaeger/ui',
  'observability/prometheus/prometheus.yml',
  'observability/prometheus/alerts.rules.yml',
];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort() {
  const server = createTcpServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `probe` until it returns something truthy, or fails after `ms`. */
async function eventually(what, probe, ms) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    await sleep(500);
  }
  assert.fail(
    `${what} within ${ms / 1000} s (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`,
  );
}

let root;
let env;
let metrics;
const infra = (...args) =>
  spawnSync('bash', [join(root, 'tools/infra/infra.sh'), ...args], { env, encoding: 'utf8' });
const pidOf = (name) => {
  const file = join(root, '.infra/run', `${name}.pid`);
  return existsSync(file) ? Number(readFileSync(file, 'utf8')) : undefined;
};
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'infra-observability-'));
  for (const file of FILES) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(repo, file), join(root, file), { recursive: true });
  }
  // One service's ops port answers /metrics like a real one; the others' ports are closed.
  metrics = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/plain; version=0.0.4');
    res.end(req.url === '/metrics' ? 'bookstore_ready{service="orders"} 1\n' : '');
  });
  await new Promise((resolve) => metrics.listen(0, '127.0.0.1', resolve));
  const ports = {};
  for (const name of [
    'JAEGER_OTLP_GRPC_PORT',
    'JAEGER_OTLP_HTTP_PORT',
    'JAEGER_UI_PORT',
    'JAEGER_QUERY_GRPC_PORT',
    'PROMETHEUS_PORT',
    'GATEWAY_OPS_PORT',
    'AUTH_OPS_PORT',
    'CATALOG_OPS_PORT',
    'NOTIFICATIONS_OPS_PORT',
  ])
    ports[name] = String(await freePort());
  ports.ORDERS_OPS_PORT = String(metrics.address().port);
  env = { PATH: process.env.PATH, HOME: process.env.HOME, SYSTEM_TAG: 'infra-spec', ...ports };
  if (process.env.BOOKSTORE_CACHE) env.BOOKSTORE_CACHE = process.env.BOOKSTORE_CACHE;
});

after(async () => {
  if (root) {
    infra('stop-one', 'prometheus');
    infra('stop-one', 'jaeger');
    rmSync(root, { recursive: true, force: true });
  }
  await new Promise((resolve) => metrics?.close(resolve));
});

test(
  'Jaeger: built once per machine, started with the repo config, receives OTLP, answers queries, serves the UI',
  { timeout: 15 * 60_000 },
  async () => {
    const started = infra('restart-one', 'jaeger');
    assert.equal(
      started.status,
      0,
      `infra.sh restart-one jaeger failed (go needed to build it once):\n${started.stderr}`,
    );
    assert.ok(alive(pidOf('jaeger')));
    assert.match(
      infra('status').stdout,
      new RegExp(`^jaeger: up \\(127\\.0\\.0\\.1:${env.JAEGER_UI_PORT}\\)$`, 'm'),
    );

    const traceId = [...crypto.getRandomValues(new Uint8Array(16))]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    const now = BigInt(Date.now()) * 1_000_000n;
    const span = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'infra-spec' } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId,
                  spanId: '00f067aa0ba902b7',
                  name: 'probe',
                  kind: 1,
                  startTimeUnixNano: String(now - 1_000_000n),
                  endTimeUnixNano: String(now),
                },
              ],
            },
          ],
        },
      ],
    };
    const sent = await fetch(`http://127.0.0.1:${env.JAEGER_OTLP_HTTP_PORT}/v1/traces`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(span),
    });
    assert.equal(sent.status, 200);
    // The batch processor flushes within a second or so.
    const found = await eventually(
      'the span is queryable',
      async () => {
        const res = await fetch(`http://127.0.0.1:${env.JAEGER_UI_PORT}/api/v3/traces/${traceId}`);
        return res.ok && (await res.json());
      },
      15_000,
    );
    assert.equal(found.result.resourceSpans[0].scopeSpans[0].spans[0].name, 'probe');

    // The web UI is the vendored jaeger-ui build (observability/jaeger/ui), not the placeholder page
    // of a binary built from the Go module: its root element and its module bundle, which is served.
    const ui = `http://127.0.0.1:${env.JAEGER_UI_PORT}`;
    const page = await fetch(`${ui}/search`);
    assert.equal(page.status, 200);
    const index = await page.text();
    assert.match(index, /<div id="jaeger-ui-root"><\/div>/);
    assert.doesNotMatch(index, /This is not the Jaeger UI you are looking for/);
    const bundle = index.match(/<script type="module" crossorigin src="\.\/(static\/index-[\w-]+\.js)">/);
    assert.ok(bundle, `no module bundle in the UI's index.html:\n${index}`);
    const script = await fetch(`${ui}/${bundle[1]}`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.ok((await script.arrayBuffer()).byteLength > 100_000);
  },
);

test(
  'Prometheus: started with the repo config, scrapes the ops ports of the environment, loads the rules',
  { timeout: 120_000 },
  async () => {
    const started = infra('restart-one', 'prometheus');
    assert.equal(
      started.status,
      0,
      `infra.sh restart-one prometheus failed (infra.sh prepare installs it):\n${started.stderr}`,
    );
    assert.ok(alive(pidOf('prometheus')));
    const api = `http://127.0.0.1:${env.PROMETHEUS_PORT}/api/v1`;
    // The five apps at the ports this environment gives them; only the stub answers.
    const targets = await eventually(
      'the orders target is scraped',
      async () => {
        const { data } = await (await fetch(`${api}/targets`)).json();
        const orders = data.activeTargets.find((t) => t.labels.service === 'orders');
        return orders?.health === 'up' && data.activeTargets;
      },
      60_000,
    );
    assert.deepEqual(
      targets.map((t) => t.labels.instance).sort(),
      ['GATEWAY', 'AUTH', 'CATALOG', 'ORDERS', 'NOTIFICATIONS']
        .map((app) => `127.0.0.1:${env[`${app}_OPS_PORT`]}`)
        .sort(),
    );
    for (const target of targets) assert.equal(target.labels.system, 'infra-spec');
    const { data } = await (
      await fetch(`${api}/query?query=${encodeURIComponent('bookstore_ready')}`)
    ).json();
    assert.deepEqual(
      data.result.map((r) => [r.metric.service, r.value[1]]),
      [['orders', '1']],
    );
    // Every rule group of the rule file, loaded from where prometheus.yml's rule_files points.
    const groups = readFileSync(join(root, 'observability/prometheus/alerts.rules.yml'), 'utf8').match(
      /^ {2}- name: .+$/gm,
    );
    const rules = await (await fetch(`${api}/rules`)).json();
    assert.deepEqual(
      rules.data.groups.map((g) => g.name).sort(),
      (groups ?? []).map((line) => line.replace(/^ {2}- name: /, '').replace(/^['"]|['"]$/g, '')).sort(),
    );
  },
);

test('stop-one stops exactly the servers this copy started', () => {
  const pids = [pidOf('jaeger'), pidOf('prometheus')];
  assert.ok(pids.every((pid) => pid && alive(pid)));
  assert.equal(infra('stop-one', 'jaeger').status, 0);
  assert.equal(infra('stop-one', 'prometheus').status, 0);
  assert.deepEqual(pids.map(alive), [false, false]);
  assert.match(infra('status').stdout, /^jaeger: down/m);
  assert.match(infra('status').stdout, /^prometheus: down/m);
});
