// CPU profile of the gateway under the hot-read load: the gateway is restarted under
// `node --cpu-prof`, loaded, stopped with SIGTERM (which writes the profile), and started again
// normally. Reports the functions with the most self time, and self time per package.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { serviceNodeOptions } from '../tools/system/node-options.mjs';
import { sleep } from './lib/http.mjs';
import { hammer } from './lib/load.mjs';
import { ROOT } from './lib/paths.mjs';
import { gatewayUrl } from './lib/sandbox.mjs';

/** Runs the profile; `system` is tools/system/system.mjs (already imported with the sandbox env). */
export async function profileGateway({
  system,
  bookId,
  connections = 50,
  durationS = 10,
  log = console.log,
}) {
  const dir = join(ROOT, 'tmp/bench-profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await system.stopOne('gateway');
  const main = join(process.env.BOOKSTORE_DIST ?? join(ROOT, 'dist/apps'), 'gateway/main.js');
  const logFile = openSync(join(dir, 'gateway.log'), 'a');
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, main], {
    cwd: ROOT,
    // The flags the gateway runs with otherwise (tools/system/system.mjs).
    env: { ...process.env, NODE_OPTIONS: serviceNodeOptions(process.env) },
    stdio: ['ignore', logFile, logFile],
  });
  const exited = new Promise((resolve) => child.once('exit', () => resolve(performance.now())));
  try {
    await system.waitHealthy(60_000);
    const url = `${gatewayUrl()}/api/v1/books/${bookId}`;
    await hammer(url, { connections: 10, durationS: 2 });
    log(`[profile] gateway under --cpu-prof, ${connections} connections, ${durationS} s`);
    const loadStartedAt = performance.now();
    const load = await hammer(url, { connections, durationS });
    child.kill('SIGTERM');
    const exitedAt = await Promise.race([exited, sleep(20_000).then(() => performance.now())]);
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error('the gateway wrote no .cpuprofile (did it exit on SIGTERM?)');
    // Only the measured load (and the short shutdown after it), not start-up and warm-up.
    const windowUs = (exitedAt - loadStartedAt) * 1000;
    const summary = summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')), windowUs);
    return { connections, durationS, rpsWhileProfiling: load.rps, profileFile: join(dir, file), ...summary };
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    system.startOne('gateway');
    await system.waitHealthy(60_000);
    log('[profile] gateway restarted normally');
  }
}

/**
 * Self time per function and per package (node_modules/<pkg>, node:internal, app, GC, idle), over
 * the last `windowUs` microseconds of the profile (all of it when omitted).
 */
export function summarizeProfile(profile, windowUs = Infinity) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const interval = new Map();
  const { samples, timeDeltas } = profile;
  const from = profile.endTime - windowUs;
  let at = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    at += timeDeltas[i] ?? 0;
    if (at < from) continue;
    interval.set(samples[i], (interval.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));
  }
  let total = 0;
  for (const [id, us] of interval) {
    const node = byId.get(id);
    self.set(node, us);
    total += us;
  }
  const frames = new Map();
  const packages = new Map();
  for (const [node, us] of self) {
    const cf = node.callFrame;
    const key = `${cf.functionName || '(anonymous)'} ${shortUrl(cf.url)}:${cf.lineNumber + 1}`;
    frames.set(key, (frames.get(key) ?? 0) + us);
    const pkg = packageOf(cf);
    packages.set(pkg, (packages.get(pkg) ?? 0) + us);
  }
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({
        name,
        selfMs: Math.round(us / 1000),
        pct: Number(((100 * us) / total).toFixed(1)),
      }));
  return { totalMs: Math.round(total / 1000), topFrames: top(frames, 25), byPackage: top(packages, 20) };
}

function shortUrl(url) {
  if (!url) return '';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  return url.replace(/^file:\/\//, '').replace(`${ROOT}/`, '');
}

function packageOf(cf) {
  const url = cf.url ?? '';
  if (!url) return cf.functionName.startsWith('(') ? cf.functionName : '(native)';
  if (url.startsWith('node:')) return 'node:internal';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  return 'app (dist bundle)';
}
