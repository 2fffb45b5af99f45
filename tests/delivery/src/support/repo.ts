import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parse, parseAllDocuments } from 'yaml';

export const REPO_ROOT = resolve(__dirname, '../../../..');
export const APPS = ['gateway', 'auth', 'catalog', 'orders', 'notifications'] as const;
export type AppName = (typeof APPS)[number];
export const OPS_PORTS: Record<AppName, number> = {
  gateway: 9100,
  auth: 9101,
  catalog: 9102,
  orders: 9103,
  notifications: 9104,
};
/** Generous: the first run on a machine compiles Go tools or installs npm packages. */
export const SLOW_SETUP_MS = 20 * 60 * 1000;

export const repoPath = (...parts: string[]) => join(REPO_ROOT, ...parts);
export const readRepoFile = (...parts: string[]) => readFileSync(repoPath(...parts), 'utf8');

/** Parsed YAML/JSON, navigated freely (the same type JSON.parse returns): the assertions check its shape. */
export type Yaml = ReturnType<typeof JSON.parse>;

// `merge` resolves `<<: *anchor` keys, which docker compose supports and YAML 1.2 dropped.
export const readYaml = (...parts: string[]): Yaml => parse(readRepoFile(...parts), { merge: true });

/** Every non-empty document of a multi-document YAML stream; fails on any YAML error. */
export function parseYamlStream(text: string): Yaml[] {
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length) throw new Error(doc.errors.map(String).join('\n'));
      return doc.toJS();
    })
    .filter((doc) => doc != null);
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; never throws, so the caller can assert on status and output. */
export function run(cmd: string, args: string[], options: SpawnSyncOptions = {}): RunResult {
  const result = spawnSync(cmd, args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Makes the result readable in a failed expectation. */
export const describeRun = (r: RunResult) =>
  `exit ${r.status}\n--- stdout ---\n${r.stdout.slice(-4000)}\n--- stderr ---\n${r.stderr.slice(-4000)}`;

/**
 * Installs (once per machine) and locates the checkers through tools/delivery/install-tools.sh,
 * which prints `name=path` lines.
 */
export function installTools(...names: string[]): Record<string, string> {
  const result = run('bash', [repoPath('tools/delivery/install-tools.sh'), ...names]);
  if (result.status !== 0) throw new Error(`install-tools.sh failed: ${describeRun(result)}`);
  return Object.fromEntries(
    result.stdout
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}
