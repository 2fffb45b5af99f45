// `npm test`'s lint enforces module boundaries on a fresh clone: in an empty Nx workspace data folder
// (what a fresh clone has), prepareProjectGraph (run-all.mjs calls it before ESLint) leaves a graph
// that @nx/enforce-module-boundaries reads, so an import across a forbidden boundary is an error.
// Without the graph the rule skips itself ("No cached ProjectGraph is available") and this fails.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { root } from '../lib/infra.mjs';
import { prepareProjectGraph } from './project-graph.mjs';

const workspaceData = mkdtempSync(join(tmpdir(), 'nx-workspace-data-'));
const env = { ...process.env, NX_WORKSPACE_DATA_DIRECTORY: workspaceData, NX_DAEMON: 'false' };
after(() => rmSync(workspaceData, { recursive: true, force: true }));

/** ESLint's messages for `source` linted as if it were a file of catalog's feature lib (scope:catalog). */
function lintAsCatalogFeature(source) {
  const result = spawnSync(
    join(root, 'node_modules/.bin/eslint'),
    ['--stdin', '--stdin-filename', 'libs/catalog/feature/src/boundary-probe.ts', '--format', 'json'],
    { cwd: root, env, input: source, encoding: 'utf8' },
  );
  assert.doesNotMatch(result.stderr, /No cached ProjectGraph/, 'ESLint ran without a project graph');
  const [file] = JSON.parse(result.stdout);
  return file.messages.filter((message) => message.ruleId === '@nx/enforce-module-boundaries');
}

test('after prepareProjectGraph, ESLint reports an import across a forbidden boundary', () => {
  assert.equal(prepareProjectGraph(env), true, 'nx show projects failed');
  // catalog's libs may use only scope:catalog and scope:shared: orders' domain is forbidden.
  const forbidden = lintAsCatalogFeature(
    "import { visibleOrder } from '@bookstore/orders/domain';\nexport const probe = visibleOrder;\n",
  );
  assert.equal(forbidden.length, 1, 'the forbidden import was not reported');
  assert.match(forbidden[0].message, /scope:catalog/);
  // An allowed import is not reported: the rule judges, it does not flag every import.
  const allowed = lintAsCatalogFeature(
    "import { DomainError } from '@bookstore/shared/contracts';\nexport const probe = DomainError;\n",
  );
  assert.deepEqual(allowed, []);
});
