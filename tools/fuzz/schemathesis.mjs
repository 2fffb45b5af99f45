// Installs and runs Schemathesis. The venv lives in ${BOOKSTORE_CACHE:-~/.cache/bookstore}/venv so
// it is created once per machine; the run is bounded by --max-time plus a hard kill.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const SCHEMATHESIS = 'schemathesis>=4.3,<5';

/** Path of the schemathesis executable; creates the venv and installs it when missing. */
export function ensureSchemathesis() {
  const venv = join(process.env.BOOKSTORE_CACHE ?? join(homedir(), '.cache/bookstore'), 'venv');
  const bin = join(venv, 'bin/schemathesis');
  if (existsSync(bin)) return bin;
  console.log(`[fuzz] installing ${SCHEMATHESIS} into ${venv} (once per machine)`);
  const python = process.env.PYTHON ?? 'python3';
  const steps = [
    [python, ['-m', 'venv', venv]],
    [join(venv, 'bin/pip'), ['install', '--quiet', '--disable-pip-version-check', SCHEMATHESIS]],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (needs python3 with venv)`);
  }
  return bin;
}

/**
 * One Schemathesis run; resolves { exitCode, completed, durationS, operations, failures } where each
 * failure is { operation, check, title, status, curl }.
 */
export function runSchemathesis(
  bin,
  { baseUrl, token, maxExamples, maxTimeS, workers, excludePaths, reportPath, logPath },
) {
  const args = [
    'run',
    `${baseUrl}/docs-json`,
    '--url',
    baseUrl,
    '--checks',
    'not_a_server_error,response_schema_conformance',
    '--max-examples',
    String(maxExamples),
    '--max-time',
    String(maxTimeS),
    '--workers',
    String(workers),
    '--request-timeout',
    '15',
    '--no-shrink',
    '--continue-on-failure',
    '--report',
    'json',
    '--report-json-path',
    reportPath,
    '--no-color',
    '--header',
    `Authorization: Bearer ${token}`,
    ...excludePaths.flatMap((path) => ['--exclude-path', path]),
  ];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(logPath);
    const output = [];
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output.push(chunk);
        log.write(chunk);
        process.stdout.write(chunk);
      });
    }
    // Schemathesis honours --max-time; this only guards against a hang of the tool itself.
    const killer = setTimeout(() => child.kill('SIGKILL'), (maxTimeS + 180) * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      log.end();
      const report = existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, 'utf8')) : null;
      const logText = Buffer.concat(output).toString('utf8');
      resolve({
        exitCode: code ?? signal,
        completed: report !== null && signal === null,
        durationS: Math.round((Date.now() - started) / 1000),
        ...readReport(report, logText),
      });
    });
  });
}

/**
 * One entry per failure group of the JSON report (check title × operation), with the curl commands
 * the terminal output gave to reproduce that operation's failures.
 */
export function readReport(report, logText = '') {
  if (!report) return { operations: 0, testCases: 0, stopReason: 'no report', failures: [], errors: [] };
  const curls = reproductions(logText);
  const failures = (report.failures ?? []).flatMap((group) =>
    (group.operations ?? []).map((operation) => {
      const cases = (curls.get(operation) ?? []).filter((c) => c.titles.includes(group.title));
      return {
        operation,
        check: group.type,
        title: group.title,
        severity: group.severity,
        count: group.count,
        status: cases[0]?.status ?? null,
        curl: cases[0]?.curl ?? null,
        moreReproductions: cases.slice(1, 4).map((c) => c.curl),
      };
    }),
  );
  return {
    operations: report.operations?.tested ?? 0,
    testCases: report.test_cases?.generated ?? 0,
    stopReason: report.stop_reason,
    failures,
    errors: report.errors ?? [],
  };
}

/**
 * operation → [{ titles, status, curl }], one per test case of the terminal's FAILURES section:
 * "_____ GET /path _____", "1. Test Case ID: …", "- ST101 Server error", "[500] …", "curl …".
 */
function reproductions(logText) {
  const found = new Map();
  let operation = null;
  let current = null;
  for (const raw of logText.split('\n')) {
    const line = raw.trim();
    const header = /^_{3,}\s+(.+?)\s+_{3,}$/.exec(line);
    if (header) [operation, current] = [header[1], null];
    if (!operation) continue;
    if (/^\d+\. Test Case ID:/.test(line)) {
      current = { titles: [], status: null, curl: null };
      found.set(operation, [...(found.get(operation) ?? []), current]);
    }
    const check = /^- (?:ST\d+ )?(.+)$/.exec(line);
    if (current && check && current.status === null) current.titles.push(check[1]);
    const received = /^\[(\d{3})\]/.exec(line);
    if (current && received) current.status = Number(received[1]);
    if (current && line.startsWith('curl ') && !current.curl) current.curl = line;
  }
  return found;
}
