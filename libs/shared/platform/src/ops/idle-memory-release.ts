import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import type { OnApplicationBootstrap, OnModuleDestroy, Provider } from '@nestjs/common';

import { memoryReleases } from './metrics.registry';

/** How often the process looks at its load and its resident memory. */
const CHECK_INTERVAL_MS = 10_000;
/** Idle: the event loop was busy less than this share of the last interval. */
const IDLE_UTILIZATION = 0.05;
/** Growth of resident memory since the last release that is worth a release. */
const GROWTH_BYTES = 8 * 1024 * 1024;

/** What the last interval looked like. */
export interface MemoryCheck {
  /** Share of the interval the event loop was busy (0..1). */
  utilization: number;
  rssBytes: number;
  /** Resident memory right after the last release; undefined before the first. */
  baselineBytes: number | undefined;
}

/**
 * Whether to run a memory-reducing collection now: only while idle, and only once since start
 * or when resident memory grew by GROWTH_BYTES since the last one (a load came and went).
 */
export function shouldReleaseMemory({ utilization, rssBytes, baselineBytes }: MemoryCheck): boolean {
  if (utilization >= IDLE_UTILIZATION) return false;
  return baselineBytes === undefined || rssBytes - baselineBytes >= GROWTH_BYTES;
}

/** Runs one memory-reducing collection, synchronously. */
export type MemoryReducingGc = () => void;

/** Share of the time since its previous call (or its creation) the event loop was busy. */
export type LoopUtilization = () => number;

/** LoopUtilization from Node's event-loop utilization counters. */
export function eventLoopUtilization(): LoopUtilization {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    return utilization;
  };
}

/**
 * V8's collector, reached without exposing `gc` to the rest of the process (the way Node's
 * documentation of `v8.setFlagsFromString` shows). The last-resort flavour is the one collection
 * that also returns V8's pooled pages to the system.
 */
function memoryReducingGc(): MemoryReducingGc {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as NodeJS.GCFunction;
  return () => gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

/**
 * Gives memory back once the process is idle. V8 keeps the 256 KiB pages of a heap that grew
 * under load (and those of start-up's compilation) resident in a pool after the collector frees
 * them, and its memory reducer did not return them in practice: a service that idled at 120 MiB
 * stayed at 190–270 MiB after an orders load. A memory-reducing collection returns them (to about
 * 110 MiB); it pauses the main thread (0.1–0.7 s on the benchmark machine), so it runs only after
 * an idle interval, at start and after each load that grew resident memory by 8 MiB
 * (docs/BENCHMARKS.md, issue 15's footprint). Each pause is observed in
 * `bookstore_memory_release_pause_seconds`.
 */
export class IdleMemoryRelease implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private baselineBytes: number | undefined;

  constructor(
    private readonly collect: MemoryReducingGc,
    private readonly loopUtilization: LoopUtilization,
  ) {}

  onApplicationBootstrap(): void {
    this.loopUtilization();
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One look; public for the unit spec. */
  check(): void {
    const utilization = this.loopUtilization();
    const rssBytes = process.memoryUsage.rss();
    if (!shouldReleaseMemory({ utilization, rssBytes, baselineBytes: this.baselineBytes })) return;
    const end = memoryReleases.startTimer();
    this.collect();
    end();
    this.baselineBytes = process.memoryUsage.rss();
    // The pause itself is not load.
    this.loopUtilization();
  }
}

/** The ops module's provider: one IdleMemoryRelease per process, on V8's collector. */
export function idleMemoryReleaseProvider(): Provider {
  return {
    provide: IdleMemoryRelease,
    useFactory: () => new IdleMemoryRelease(memoryReducingGc(), eventLoopUtilization()),
  };
}
