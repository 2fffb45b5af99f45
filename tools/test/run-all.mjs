#!/usr/bin/env node
// `npm test`: installs what is missing, brings up MongoDB/FerretDB, RabbitMQ and Redis, then runs
//   1. lint of every project (ESLint with module boundaries), format check, type check;
//   2. unit and integration specs of every project (jest; integration specs use the real servers);
//   3. end-to-end specs over HTTP against the five services built and started here;
// and stops whatever it started. The last line is the plain total `N passed, N failed` (`, N skipped`
// added when specs were skipped); a suite that fails outside a test counts as a failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { ensureDependencies, infraDown, infraUp, root, run } from '../lib/infra.mjs';
import { ensureNodeRuntime } from '../lib/node-runtime.mjs';
import { prepareProjectGraph } from './project-graph.mjs';
import { Summary } from './summary.mjs';

const results = join(root, 'tmp/test-results');
const summary = new Summary();

// The system under test gets its own databases, Redis db and ports, so a developer's `npm start`
// data is never touched and a second run starts from a clean state.
const testEnv = {
  ...process.env,
  NODE_ENV: 'test',
  // The demo catalog is part of what `npm start` gives; the e2e specs check it is there.
  CATALOG_SEED_DEMO: 'true',
  // The specs talk from 127.0.0.1 and register and log in far more often than one real client may:
  // per-client limits skip that address. hardening-throttle proves the limits from other loopback
  // addresses, with the defaults.
  RATE_LIMIT_EXEMPT_CLIENTS: '127.0.0.1',
  // saga-recovery waits for an order whose reservation is parked to time out; every other spec's
  // orders settle in milliseconds (resilience stops notifications, never the catalog or orders).
  ORDERS_SAGA_DEADLINE_MS: '8000',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  // The services export their traces to the local Jaeger (infra.sh up); tracing.e2e-spec reads one
  // order's trace back through Jaeger's query API (JAEGER_QUERY_URL, default 127.0.0.1:16686).
  OTEL_EXPORTER_OTLP_ENDPOINT: process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://127.0.0.1:4318',
  SYSTEM_TAG: 'test',
  GATEWAY_PORT: '3900',
  GATEWAY_OPS_PORT: '9900',
  AUTH_OPS_PORT: '9901',
  CATALOG_OPS_PORT: '9902',
  ORDERS_OPS_PORT: '9903',
  NOTIFICATIONS_OPS_PORT: '9904',
  GATEWAY_URL: 'http://127.0.0.1:3900',
  AUTH_MONGO_DB: 'test_auth',
  CATALOG_MONGO_DB: 'test_catalog',
  ORDERS_MONGO_DB: 'test_orders',
  NOTIFICATIONS_MONGO_DB: 'test_notifications',
  REDIS_URL: 'redis://127.0.0.1:6379/9',
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
};

function projectRoots() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === 'project.json') found.push(relative(root, dir));
    }
  };
  for (const top of ['apps', 'libs', 'tests']) walk(join(root, top));
  return found.sort();
}

/**
 * The Nx project graph, computed before ESLint runs: without it `@nx/enforce-module-boundaries`
 * says "No cached ProjectGraph is available" and checks nothing (the case on a fresh clone).
 */
function projectGraph() {
  summary.check('nx project graph (module boundaries need it)', prepareProjectGraph(testEnv));
}

function lint() {
  projectGraph();
  const out = join(results, 'eslint.json');
  spawnSync(join(root, 'node_modules/.bin/eslint'), ['.', '--format', 'json', '--output-file', out], {
    cwd: root,
    stdio: 'inherit',
    env: testEnv,
  });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  for (const project of projectRoots()) {
    const files = report.filter((file) => relative(root, file.filePath).startsWith(`${project}/`));
    const errors = files.flatMap((file) =>
      file.messages
        .filter((m) => m.severity === 2)
        .map((m) => `${relative(root, file.filePath)}:${m.line} ${m.ruleId}`),
    );
    errors.forEach((error) => console.log(`  lint: ${error}`));
    summary.check(`lint ${project}`, errors.length === 0, errors.length ? `${errors.length} errors` : '');
  }
}

/** The `*.test.mjs` specs under tools/ and bench/. */
function toolSpecs() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.test.mjs')) found.push(relative(root, path));
    }
  };
  walk(join(root, 'tools'));
  walk(join(root, 'bench'));
  return found.sort();
}

function jest(name, config, extra = []) {
  const out = join(results, `${name}.json`);
  rmSync(out, { force: true });
  run(join(root, 'node_modules/.bin/jest'), ['-c', config, '--json', '--outputFile', out, ...extra], {
    env: testEnv,
  });
  summary.jest(name, out);
}

function step(title) {
  console.log(`\n== ${title} ==`);
}

async function main() {
  mkdirSync(results, { recursive: true });
  ensureDependencies();
  const { build, startOne, stopAll, waitHealthy, APPS } = await import('../system/system.mjs');
  let started = [];
  let systemUp = false;
  try {
    step('infrastructure');
    // The test system's ports: a Prometheus started here scrapes the test system's ops ports.
    started = infraUp(testEnv);
    // The browser specs drive Debian's Chromium (CHROMIUM_PATH names another): installed when missing.
    summary.check(
      'chromium for the browser specs (infra.sh chromium)',
      run('bash', [join(root, 'tools/infra/infra.sh'), 'chromium'], { env: testEnv }) === 0,
    );

    step('lint, format, types');
    lint();
    summary.check(
      'format (prettier --check)',
      run('npx', ['prettier', '--check', '.', '--log-level', 'warn'], { env: testEnv }) === 0,
    );
    summary.check(
      'types (tsc --noEmit)',
      run('npx', ['tsc', '-p', 'tsconfig.typecheck.json', '--noEmit'], { env: testEnv }) === 0,
    );
    // The storefront is browser code (DOM types, JSX): its own tsconfig, outside the Node one above.
    summary.check(
      'types of the storefront (tsc --noEmit)',
      run('npx', ['tsc', '-p', 'apps/storefront/tsconfig.app.json', '--noEmit'], { env: testEnv }) === 0,
    );

    step('tool specs (node --test)');
    // The harnesses' own logic (replica bookkeeping, unavailability measure) is plain .mjs: node's runner,
    // read on the console and counted (passed, failed, skipped) from its TAP report.
    const tap = join(results, 'tool-specs.tap');
    rmSync(tap, { force: true });
    const toolStatus = run(
      process.execPath,
      [
        '--test',
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${tap}`,
        ...toolSpecs(),
      ],
      { env: testEnv },
    );
    summary.nodeTest('tool specs (node --test tools/)', tap, toolStatus);

    step('unit and integration specs');
    // --forceExit: a spec that leaves a socket open must not hang the whole run (it still fails if it fails).
    jest('unit+integration', 'jest.unit.config.ts', ['--forceExit']);

    step('build and start the system');
    Object.assign(process.env, testEnv);
    build();
    const busy = await fetch(`${testEnv.GATEWAY_URL}/api/v1/health`).then(
      () => true,
      () => false,
    );
    if (busy) throw new Error(`port ${testEnv.GATEWAY_PORT} is taken: stop the other test run first`);
    for (const app of APPS) startOne(app);
    systemUp = true;
    await waitHealthy();

    step('end-to-end specs');
    jest('e2e', 'tests/e2e/jest.config.ts', ['--runInBand']);
  } catch (error) {
    summary.check('harness', false, error.message);
  } finally {
    if (systemUp) await stopAll();
    infraDown(started);
  }
  summary.print();
  process.exit(summary.failed === 0 && summary.passed > 0 ? 0 : 1);
}

// Everything below runs on Node 24 (re-executed under the cached binary on an older Node).
await ensureNodeRuntime();
main();
