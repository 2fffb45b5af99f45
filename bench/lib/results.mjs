// Writes a harness's figures to bench/results/<name>.json with what is needed to compare runs.
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

import { RESULTS_DIR, ROOT } from './paths.mjs';

function gitRevision() {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

/** The machine and code the figures were measured on. */
export function environment() {
  return {
    at: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    memoryMb: Math.round(totalmem() / 2 ** 20),
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
    git: gitRevision(),
  };
}

/** Writes the JSON and returns its path. */
export function writeResults(name, data) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(path, `${JSON.stringify({ environment: environment(), ...data }, null, 2)}\n`);
  return path;
}
