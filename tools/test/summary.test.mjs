// The `npm test` totals tell the truth: a jest suite that fails outside a test (a throwing afterAll,
// an error at load) is a failure, skipped and todo specs are counted, and node --test runs are
// counted from their TAP report. The fixtures are trimmed reports of real runs (jest 30 --json of
// three small suites; node 24 --test --test-reporter=tap of a passing, failing, skipped, todo and an
// unloadable spec).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { countTap, Summary } from './summary.mjs';

const fixtures = join(import.meta.dirname, 'fixtures');
const jestReport = join(fixtures, 'jest-outside-test-failures.json');
const tapReport = join(fixtures, 'node-test-report.tap');

/** Writes a jest --json report to a temporary file and returns its path. */
function report(json) {
  const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'report.json');
  writeFileSync(file, JSON.stringify(json));
  return file;
}

/** Prints the summary into a string (the closing line is the last one). */
function printed(summary) {
  const lines = [];
  const log = console.log;
  console.log = (line) => lines.push(...String(line).split('\n'));
  try {
    summary.print();
  } finally {
    console.log = log;
  }
  return lines;
}

test('a suite whose afterAll throws and a suite that fails to load are failures', () => {
  const summary = new Summary();
  summary.jest('unit', jestReport);
  // 1 failed test + the afterAll suite + the unloadable suite.
  assert.equal(summary.failed, 3);
  assert.equal(summary.passed, 2);
  const [row] = summary.rows;
  assert.match(row.detail, /after-all-throws\.test\.js \(teardown broke\)/);
  assert.match(row.detail, /load-error\.test\.js \(Cannot find module '\.\/does-not-exist'/);
  // The suite with a failed test is already red through that test, not counted twice.
  assert.doesNotMatch(row.detail, /mixed\.test\.js/);
});

test('skipped and todo tests appear in the totals and the closing line', () => {
  const summary = new Summary();
  summary.jest('unit', jestReport);
  assert.equal(summary.skipped, 2);
  const lines = printed(summary);
  assert.equal(lines.at(-1), '2 passed, 3 failed, 2 skipped');
  assert.match(
    lines.find((line) => line.includes('unit')),
    /^FAIL {2}unit .* 2 passed, 3 failed, 2 skipped/,
  );
});

test('the closing line stays `N passed, N failed` when nothing was skipped', () => {
  const summary = new Summary();
  summary.check('types', true);
  summary.check('lint', false, '1 error');
  assert.equal(printed(summary).at(-1), '1 passed, 1 failed');
});

test('a run jest calls failed with no failed test or suite is still a failure', () => {
  const summary = new Summary();
  summary.jest(
    'e2e',
    report({
      success: false,
      numPassedTests: 4,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [{ name: 'a.spec.ts', status: 'passed', message: '', assertionResults: [] }],
    }),
  );
  assert.equal(summary.failed, 1);
  assert.equal(summary.passed, 4);
});

test('a green jest report counts its tests and nothing else', () => {
  const summary = new Summary();
  summary.jest(
    'e2e',
    report({
      success: true,
      numPassedTests: 3,
      numFailedTests: 0,
      numPendingTests: 0,
      numTodoTests: 0,
      testResults: [
        {
          name: 'a.spec.ts',
          status: 'passed',
          message: '',
          assertionResults: [{ status: 'passed' }, { status: 'passed' }, { status: 'passed' }],
        },
      ],
    }),
  );
  assert.deepEqual([summary.passed, summary.failed, summary.skipped], [3, 0, 0]);
});

test('a missing or unreadable jest report is one failure', () => {
  const summary = new Summary();
  summary.jest('missing', join(fixtures, 'no-such-report.json'));
  summary.jest('unreadable', tapReport);
  assert.equal(summary.failed, 2);
});

test('node --test runs are counted from their TAP report: failures, skips and todos', () => {
  assert.deepEqual(countTap(readTap()), { passed: 1, failed: 2, skipped: 2 });
  const summary = new Summary();
  summary.nodeTest('tool specs', tapReport, 1);
  assert.deepEqual([summary.passed, summary.failed, summary.skipped], [1, 2, 2]);
});

test('a node --test run that exits non-zero with no failed test, or leaves no counts, is a failure', () => {
  const clean = '# tests 2\n# pass 2\n# fail 0\n# cancelled 0\n# skipped 0\n# todo 0\n';
  const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'tap.txt');
  writeFileSync(file, clean);
  const crashed = new Summary();
  crashed.nodeTest('tool specs', file, 1);
  assert.deepEqual([crashed.passed, crashed.failed], [2, 1]);
  const green = new Summary();
  green.nodeTest('tool specs', file, 0);
  assert.deepEqual([green.passed, green.failed], [2, 0]);
  const none = new Summary();
  none.nodeTest('tool specs', join(fixtures, 'no-such.tap'), 1);
  assert.deepEqual([none.passed, none.failed], [0, 1]);
});

function readTap() {
  return readFileSync(tapReport, 'utf8');
}
