import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { describeRun, readYaml, repoPath, run, type Yaml } from './support/repo';

// The alert rules Prometheus loads (observability/prometheus/alerts.rules.yml), checked by
// promtool's own parser and unit-tested with synthetic series (alerts.test.yml), so a rule that
// does not parse, never fires or fires too early fails here rather than in production.
const DIR = 'observability/prometheus';
const rules = readYaml(DIR, 'alerts.rules.yml');
const tests = readYaml(DIR, 'alerts.test.yml');
const alerts: Yaml[] = rules.groups.flatMap((group: Yaml) => group.rules);

/** promtool from Debian's `prometheus` package; missing is a failure, never a skip. */
function promtool(): string {
  try {
    return execFileSync('bash', ['-c', 'command -v promtool'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'promtool is missing: `bash tools/infra/infra.sh prepare` installs Prometheus (Debian package)',
    );
  }
}

it('promtool checks the rules file', () => {
  const result = run(promtool(), ['check', 'rules', repoPath(DIR, 'alerts.rules.yml')]);
  expect({ status: result.status, output: describeRun(result) }).toMatchObject({ status: 0 });
  expect(result.stdout).toContain(`SUCCESS: ${alerts.length} rules found`);
});

it('promtool passes the unit tests of the rules', () => {
  const result = run(promtool(), ['test', 'rules', 'alerts.test.yml'], { cwd: repoPath(DIR) });
  expect({ status: result.status, output: describeRun(result) }).toMatchObject({ status: 0 });
  expect(result.stdout).toContain('SUCCESS');
});

it('alerts on dead letters, a slow saga, a service not ready or down, and errors', () => {
  const byName = new Map(alerts.map((rule) => [rule.alert, rule]));
  expect(byName.get('BookstoreDeadLettersParked')?.expr).toMatch(/bookstore_dead_letters\b.*> 0/);
  expect(byName.get('BookstoreSagaSlow')?.expr).toMatch(
    /histogram_quantile\(0\.99,.*bookstore_saga_duration_seconds_bucket/,
  );
  expect(byName.get('BookstoreServiceNotReady')?.expr).toMatch(/bookstore_ready == 0/);
  expect(byName.get('BookstoreServiceDown')?.expr).toMatch(/\bup == 0/);
  expect(byName.get('BookstoreHttpErrors')?.expr).toMatch(/status=~"5\.\."/);
  for (const rule of alerts) {
    expect({ alert: rule.alert, severity: rule.labels?.severity }).toEqual({
      alert: rule.alert,
      severity: expect.stringMatching(/^(warning|critical)$/),
    });
    expect(rule.annotations?.summary).toBeTruthy();
  }
});

it('unit-tests every alert firing at least once', () => {
  const fired = new Set<string>(
    tests.tests.flatMap((test: Yaml) =>
      (test.alert_rule_test ?? [])
        .filter((check: Yaml) => (check.exp_alerts ?? []).length > 0)
        .map((check: Yaml) => check.alertname),
    ),
  );
  expect(alerts.map((rule) => rule.alert).filter((name) => !fired.has(name))).toEqual([]);
});

it('uses only metrics the apps export', () => {
  const used = new Set(alerts.flatMap((rule) => String(rule.expr).match(/\bbookstore_[a-z_]+/g) ?? []));
  const declared = declaredMetricNames();
  const missing = [...used].filter(
    (name) => !declared.has(name.replace(/_(bucket|count|sum)$/, '')) && !declared.has(name),
  );
  expect(used.size).toBeGreaterThan(5);
  expect(missing).toEqual([]);
});

/** Every `name: 'bookstore_…'` a metric is declared with in the libs' sources. */
function declaredMetricNames(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.ts') && !entry.endsWith('.spec.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(/name: '(bookstore_[a-z_]+)'/g))
          names.add(match[1]);
      }
    }
  };
  walk(repoPath('libs'));
  return names;
}
