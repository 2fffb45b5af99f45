// Adds up the outcomes of every check of `npm test` and prints the closing line CI reads.
import { existsSync, readFileSync } from 'node:fs';

export class Summary {
  passed = 0;
  failed = 0;
  rows = [];

  check(name, ok, detail = '') {
    if (ok) this.passed++;
    else this.failed++;
    this.rows.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, detail });
  }

  /** Reads a jest --json report; a missing or unreadable report counts as one failure. */
  jest(name, file) {
    if (!existsSync(file)) return this.check(name, false, 'no report (jest crashed?)');
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const failedSuites = report.testResults.filter(
      (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
    );
    this.passed += report.numPassedTests;
    this.failed += report.numFailedTests + failedSuites.length;
    this.rows.push({
      name,
      passed: report.numPassedTests,
      failed: report.numFailedTests + failedSuites.length,
      detail: failedSuites.map((suite) => `suite failed to run: ${suite.name}`).join('; '),
    });
  }

  print() {
    console.log('\n== npm test summary ==');
    for (const row of this.rows) {
      console.log(
        `${row.failed ? 'FAIL' : 'ok  '}  ${row.name.padEnd(28)} ${row.passed} passed, ${row.failed} failed${row.detail ? `  (${row.detail})` : ''}`,
      );
    }
    console.log(`${this.passed} passed, ${this.failed} failed`);
  }
}
