// Shared by `npm start` and `npm test`: install dependencies when missing, bring the
// infrastructure up, and remember exactly which servers this process started so it stops only those.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const infraScript = join(root, 'tools/infra/infra.sh');
const SERVERS = ['mongodb', 'redis', 'rabbitmq'];

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

/**
 * Installs the locked dependencies when node_modules is missing. `npm ci` first; when npm judges the
 * lockfile incomplete (it omits optional platform packages such as sass-embedded's that the registry
 * did not serve), `npm install` installs the same locked versions instead.
 */
export function ensureDependencies() {
  if (existsSync(join(root, 'node_modules/.bin/nx'))) return;
  console.log('[deps] installing npm dependencies (npm ci)');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) === 0) return;
  console.log('[deps] npm ci refused the lockfile; installing the locked versions with npm install');
  if (run('npm', ['install', '--no-audit', '--no-fund']) !== 0) throw new Error('npm install failed');
}

function serversUp() {
  const out = spawnSync('bash', [infraScript, 'status'], { cwd: root, encoding: 'utf8' }).stdout ?? '';
  return new Set(SERVERS.filter((name) => out.includes(`${name}: up`)));
}

/** Starts what is not reachable; returns the names this call started. */
export function infraUp() {
  const before = serversUp();
  if (run('bash', [infraScript, 'up']) !== 0) throw new Error('infrastructure did not start');
  return SERVERS.filter((name) => !before.has(name));
}

/** Stops only the given servers (the ones this process started). */
export function infraDown(started) {
  for (const name of started) run('bash', [infraScript, 'stop-one', name]);
}
