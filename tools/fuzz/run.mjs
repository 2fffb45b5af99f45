#!/usr/bin/env node
// `npm run test:fuzz`: Schemathesis (from PyPI, in a venv under ~/.cache/bookstore/venv, created when
// missing) against the gateway's OpenAPI document, with a valid customer token and then an admin
// token. Checks: not_a_server_error and response_schema_conformance; bounded examples and time.
// Then, per role, the hand-made hostile shapes of edge-shapes.mjs (deep nesting, huge arrays, NUL and
// invalid UTF-8 in queries, bodies and paths, duplicated query parameters, junk headers), which the
// generated cases rarely reach. Starts a private system (sandbox 8 by default) unless --attach
// (against the system of the current environment: eval "$(bash tools/dev/sandbox.sh N)" first);
// writes bench/results/fuzz.json.
// Options: --max-examples N  --max-time S (per role)  --roles customer,admin  --sandbox N  --attach
// --no-build  --workers N  --no-schemathesis  --no-edge-shapes
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { parseArgs } from '../../bench/lib/cli.mjs';
import { adminLogin, createCustomers } from '../../bench/lib/fixtures.mjs';
import { ROOT } from '../../bench/lib/paths.mjs';
import { writeResults } from '../../bench/lib/results.mjs';
import { bringUpSystem, gatewayUrl, stopOnSignals } from '../../bench/lib/sandbox.mjs';
import { printTable } from '../../bench/lib/table.mjs';
import { runEdgeShapes } from './edge-shapes.mjs';
import { ensureSchemathesis, runSchemathesis } from './schemathesis.mjs';
import { ensureNodeRuntime } from '../lib/node-runtime.mjs';

const options = parseArgs(process.argv.slice(2), {
  maxExamples: 50,
  maxTime: 240,
  roles: ['customer', 'admin'],
  sandbox: 8,
  attach: false,
  noBuild: false,
  workers: 2,
  noSchemathesis: false,
  noEdgeShapes: false,
});

// Logging out with the run's own token would revoke it mid-run and turn the rest into 401s.
const EXCLUDED_PATHS = ['/api/v1/auth/logout', '/api/v1/auth/logout-all'];

async function main() {
  const bin = options.noSchemathesis ? null : ensureSchemathesis();
  const up = await bringUpSystem({
    sandbox: options.sandbox,
    attach: options.attach,
    build: !options.noBuild,
  });
  stopOnSignals(up.stop);
  const workDir = join(ROOT, 'tmp/fuzz');
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const runs = [];
  try {
    const tokens = {};
    if (options.roles.includes('customer')) tokens.customer = (await createCustomers(1, 'fuzz'))[0].token;
    if (options.roles.includes('admin')) tokens.admin = await adminLogin();
    for (const role of bin ? options.roles : []) {
      console.log(
        `\n[fuzz] schemathesis as ${role}: ≤ ${options.maxExamples} examples per operation, ≤ ${options.maxTime} s`,
      );
      runs.push({
        role,
        ...(await runSchemathesis(bin, {
          baseUrl: gatewayUrl(),
          token: tokens[role],
          maxExamples: options.maxExamples,
          maxTimeS: options.maxTime,
          workers: options.workers,
          excludePaths: EXCLUDED_PATHS,
          reportPath: join(workDir, `${role}.json`),
          logPath: join(workDir, `${role}.log`),
        })),
      });
    }
    for (const role of options.noEdgeShapes ? [] : options.roles) {
      console.log(`\n[fuzz] edge shapes as ${role}`);
      const started = Date.now();
      const result = await runEdgeShapes({
        baseUrl: gatewayUrl(),
        token: tokens[role],
        excludePaths: EXCLUDED_PATHS,
        concurrency: options.workers * 2,
      });
      runs.push({
        role: `${role} (edge shapes)`,
        exitCode: result.failures.length ? 1 : 0,
        completed: true,
        durationS: Math.round((Date.now() - started) / 1000),
        ...result,
      });
    }
  } finally {
    await up.stop();
  }
  const failures = runs.flatMap((run) => run.failures.map((f) => ({ role: run.role, ...f })));
  printTable(
    'Fuzz runs',
    [
      ['role', 'role'],
      ['exitCode', 'exit'],
      ['operations', 'operations'],
      ['failures', 'failures'],
      ['durationS', 'seconds'],
    ],
    runs.map((r) => ({ ...r, failures: r.failures.length })),
  );
  if (failures.length) {
    printTable(
      'Failures (one per operation and check; reproduce with the curl in fuzz.json)',
      [
        ['role', 'role'],
        ['operation', 'operation'],
        ['check', 'check'],
        ['status', 'status'],
        ['title', 'what'],
      ],
      failures.map((f) => ({ ...f, title: f.title.slice(0, 70) })),
    );
  }
  const path = writeResults('fuzz', { options, excludedPaths: EXCLUDED_PATHS, runs, failures });
  console.log(`\n${failures.length} failure(s); details and reproductions: ${path}`);
  for (const f of failures)
    console.log(`\n[${f.role}] ${f.operation} ${f.check}: ${f.title}\n  ${f.curl ?? ''}`);
  process.exit(failures.length === 0 && runs.every((r) => r.completed) ? 0 : 1);
}

// Everything below runs on Node 24 (re-executed under the cached binary on an older Node).
await ensureNodeRuntime();
main().catch((error) => {
  console.error(`[fuzz] ${error.stack ?? error.message}`);
  process.exit(1);
});
