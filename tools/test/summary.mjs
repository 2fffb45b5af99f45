// Adds up the outcomes of every check of `npm test` and prints the closing line CI reads:
// `N passed, N failed` (with `, N skipped` when a spec was skipped or left as a todo).
import { existsSync, readFileSync } from 'node:fs';

/**
 * The failures of one jest --json report that no failed test accounts for: a suite that failed to
 * load, or whose hooks threw (an `afterAll` that throws leaves every test passed and the suite
 * 'failed' with a failureMessage), and a run that jest itself calls unsuccessful with nothing failed
 * (an open-handle or coverage failure): each is one failure, with the reason.
 */
function failuresOutsideTests(report) {
  const reasons = report.testResults
    .filter(
      (suite) =>
        suite.status === 'failed' && !suite.assertionResults.some((test) => test.status === 'failed'),
    )
    .map((suite) => {
      // The first line that says what broke, after jest's '● Test suite failed to run' heading.
      const first = (suite.failureMessage ?? suite.message ?? '')
        .split('\n')
        .map((line) => line.trim())
        .find((line) => line && !line.startsWith('●'));
      return `suite failed outside a test: ${suite.name}${first ? ` (${first.slice(0, 160)})` : ''}`;
    });
  if (report.success === false && report.numFailedTests === 0 && reasons.length === 0)
    reasons.push('jest reported the run as failed with no failed test');
  return reasons;
}

/**
 * Counts a TAP report of `node --test` (its closing `# pass N`, `# fail N`, `# cancelled N`,
 * `# skipped N`, `# todo N` lines). A file that cannot load is a failed test there already;
 * cancelled tests count as failed.
 */
export function countTap(text) {
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
  const [pass, fail, cancelled, skipped, todo] = ['pass', 'fail', 'cancelled', 'skipped', 'todo'].map(count);
  if ([pass, fail].some(Number.isNaN)) return null;
  return {
    passed: pass,
    failed: fail + (cancelled || 0),
    skipped: (skipped || 0) + (todo || 0),
  };
}

export class Summary {
  passed = 0;
  failed = 0;
  skipped = 0;
  rows = [];

  /** Adds a row of counts (and its totals) to the summary. */
  add(name, { passed = 0, failed = 0, skipped = 0, detail = '' }) {
    this.passed += passed;
    this.failed += failed;
    this.skipped += skipped;
    this.rows.push({ name, passed, failed, skipped, detail });
  }

  check(name, ok, detail = '') {
    this.add(name, { passed: ok ? 1 : 0, failed: ok ? 0 : 1, detail });
  }

  /** Reads a jest --json report; a missing or unreadable report counts as one failure. */
  jest(name, file) {
    if (!existsSync(file)) return this.check(name, false, 'no report (jest crashed?)');
    let report;
    try {
      report = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      return this.check(name, false, `unreadable report: ${error.message}`);
    }
    const outside = failuresOutsideTests(report);
    this.add(name, {
      passed: report.numPassedTests,
      failed: report.numFailedTests + outside.length,
      skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
      detail: outside.join('; '),
    });
  }

  /**
   * Reads the TAP report of a `node --test` run; a report with no counts (the runner crashed) counts
   * as one failure.
   */
  nodeTest(name, file, exitCode) {
    const counts = existsSync(file) ? countTap(readFileSync(file, 'utf8')) : null;
    if (!counts) return this.check(name, false, `no TAP counts (node --test exited ${exitCode})`);
    // A non-zero exit with no failed test (a crash after the tests) is still a failure.
    const extra = exitCode !== 0 && counts.failed === 0 ? 1 : 0;
    this.add(name, {
      ...counts,
      failed: counts.failed + extra,
      detail: extra ? `node --test exited ${exitCode} with no failed test` : '',
    });
  }

  /** The closing line: `N passed, N failed`, plus `, N skipped` when anything was skipped. */
  totalLine() {
    const skipped = this.skipped ? `, ${this.skipped} skipped` : '';
    return `${this.passed} passed, ${this.failed} failed${skipped}`;
  }

  print() {
    console.log('\n== npm test summary ==');
    for (const row of this.rows) {
      const skipped = row.skipped ? `, ${row.skipped} skipped` : '';
      console.log(
        `${row.failed ? 'FAIL' : 'ok  '}  ${row.name.padEnd(28)} ${row.passed} passed, ${row.failed} failed${skipped}${row.detail ? `  (${row.detail})` : ''}`,
      );
    }
    console.log(this.totalLine());
  }
}
