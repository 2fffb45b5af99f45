// Resident memory of each service: VmRSS of the pids the system runner recorded.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runDir } from './sandbox.mjs';

/**
 * How long the system idles before its "idle" footprint is read: each service checks every 10 s
 * whether it is idle and then gives start-up's memory back (IdleMemoryRelease).
 */
export const SETTLE_MS = 15_000;
/** The same after the loads: one idle interval to notice the load is over, one to act. */
export const AFTER_LOAD_SETTLE_MS = 25_000;

/** { app: pid } from .infra/run/system-<tag>/*.pid. */
export function servicePids() {
  const dir = runDir();
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.pid'))
      .map((name) => [name.slice(0, -4), Number(readFileSync(join(dir, name), 'utf8'))]),
  );
}

/** VmRSS in MiB of a pid, or null when it is gone. */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return Number.isFinite(kb) ? Number((kb / 1024).toFixed(1)) : null;
  } catch {
    return null;
  }
}

export function snapshot() {
  return Object.fromEntries(Object.entries(servicePids()).map(([app, pid]) => [app, rssMb(pid)]));
}

/** CPU seconds (user + system) a pid has used so far, or null when it is gone. */
export function cpuSeconds(pid) {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds of a pid and all its descendants (RabbitMQ's pid file names a wrapper script). */
export function treeCpuSeconds(pid, depth = 0) {
  const own = cpuSeconds(pid);
  if (own === null || depth > 5) return own;
  let total = own;
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(' ') : [])
        total += treeCpuSeconds(Number(child), depth + 1) ?? 0;
    }
  } catch {
    // the process ended meanwhile
  }
  return total;
}

/** The services' pids plus the infrastructure's (shared with any other system on the machine). */
function cpuPids() {
  const infra = join(runDir(), '..');
  const pids = servicePids();
  // postgres: FerretDB's backend (the postmaster; its per-connection backends are its children).
  for (const name of ['rabbitmq', 'mongodb', 'postgres', 'redis']) {
    const file = join(infra, `${name}.pid`);
    if (existsSync(file)) pids[name] = Number(readFileSync(file, 'utf8'));
  }
  // The harness itself: its HTTP client is part of the machine's load.
  pids.bench = process.pid;
  return pids;
}

/**
 * Samples every 500 ms; keeps, per phase name set with `phase(name)`, the peak RSS of each app.
 * Pids are re-read each time, so a restarted service is followed.
 */
export class RssSampler {
  constructor(intervalMs = 500) {
    this.current = 'idle';
    this.peaks = {};
    this.cpu = {};
    this.lastCpu = {};
    this.wall = {};
    this.lastAt = Date.now();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  phase(name) {
    this.current = name;
  }

  sample() {
    const peaks = (this.peaks[this.current] ??= {});
    for (const [app, mb] of Object.entries(snapshot())) {
      if (mb !== null) peaks[app] = Math.max(peaks[app] ?? 0, mb);
    }
    // CPU used since the previous sample is charged to the current phase.
    const now = Date.now();
    this.wall[this.current] = (this.wall[this.current] ?? 0) + (now - this.lastAt) / 1000;
    this.lastAt = now;
    const cpu = (this.cpu[this.current] ??= {});
    for (const [name, pid] of Object.entries(cpuPids())) {
      // The harness's own process only: the services it started are its children.
      const used = name === 'bench' ? cpuSeconds(pid) : treeCpuSeconds(pid);
      const before = this.lastCpu[name];
      if (used !== null && before && before.pid === pid && used >= before.s) {
        cpu[name] = Number(((cpu[name] ?? 0) + used - before.s).toFixed(2));
      }
      this.lastCpu[name] = used === null ? undefined : { pid, s: used };
    }
  }

  stop() {
    clearInterval(this.timer);
    const wall = Object.fromEntries(Object.entries(this.wall).map(([k, v]) => [k, Number(v.toFixed(1))]));
    return { peaks: this.peaks, cpuSeconds: this.cpu, wallSeconds: wall };
  }
}
