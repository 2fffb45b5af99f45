// ensureNodeRuntime re-executes a script started on an older Node under the cached Node 24, with the
// same arguments, and passes its exit status back. Needs an older `node` to start from: /usr/bin/node
// on this project's machines (Node 20); skipped, and counted as skipped, where there is none.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { NODE_VERSION } from './node-runtime.mjs';

const older = ['/usr/bin/node', '/usr/local/bin/node'].find((path) => {
  if (!existsSync(path)) return false;
  const major = Number(
    spawnSync(path, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout,
  );
  return major > 0 && major < 24;
});

test(
  'a script begun on an older Node runs on Node 24 with its arguments and exit status',
  { skip: !older },
  () => {
    const script = join(mkdtempSync(join(tmpdir(), 'node-runtime-')), 'probe.mjs');
    const runtime = pathToFileURL(join(import.meta.dirname, 'node-runtime.mjs')).href;
    writeFileSync(
      script,
      `import { ensureNodeRuntime } from '${runtime}';
await ensureNodeRuntime();
console.log(JSON.stringify({ version: process.version, args: process.argv.slice(2), node: process.env.PATH.split(':')[0] }));
process.exit(7);`,
    );
    const env = { ...process.env };
    delete env.BOOKSTORE_NODE;
    const result = spawnSync(older, [script, 'a', 'b c'], { encoding: 'utf8', env });
    assert.equal(result.status, 7, result.stderr);
    const seen = JSON.parse(result.stdout.trim().split('\n').pop());
    assert.equal(seen.version, `v${NODE_VERSION}`);
    assert.deepEqual(seen.args, ['a', 'b c']);
    assert.match(seen.node, new RegExp(`node-v${NODE_VERSION}/bin$`));
  },
);

test('BOOKSTORE_NODE=system keeps the installed Node', { skip: !older }, () => {
  const script = join(mkdtempSync(join(tmpdir(), 'node-runtime-')), 'probe.mjs');
  const runtime = pathToFileURL(join(import.meta.dirname, 'node-runtime.mjs')).href;
  writeFileSync(
    script,
    `import { ensureNodeRuntime } from '${runtime}';\nawait ensureNodeRuntime();\nconsole.log(process.version);`,
  );
  const result = spawnSync(older, [script], {
    encoding: 'utf8',
    env: { ...process.env, BOOKSTORE_NODE: 'system' },
  });
  assert.equal(result.status, 0, result.stderr);
  assert.notEqual(result.stdout.trim(), `v${NODE_VERSION}`);
});
