/**
 * Footprint (issue 15, item 2), read from each app's ops port: every process gives back the memory
 * its heap grew into (start-up's compilation, then each load) once its event loop is idle, with a
 * memory-reducing collection whose pauses `bookstore_memory_release_pause_seconds` counts. Without
 * it V8 kept those pages resident: 190–270 MiB per service after the orders bench against about
 * 110 idle (docs/BENCHMARKS.md, "Footprint: under 120 MiB idle").
 */
import type { OpsApp } from '@bookstore/shared/testing';
import { eventually, OPS_APPS, opsMetricsUrl, scrapeMetric } from '@bookstore/shared/testing';

/** The value of `name` on `app`'s ops port (absent: undefined). */
function metric(app: OpsApp, name: string): Promise<number | undefined> {
  return scrapeMetric(opsMetricsUrl(app), name);
}

describe('Footprint: memory given back when idle (issue 15)', () => {
  // One 10 s interval to see the loop idle, one more if a spec before this one kept it busy.
  jest.setTimeout(90_000);

  it.each(OPS_APPS)('%s runs a memory-reducing collection once idle', async (app) => {
    const releases = await eventually(
      () => metric(app, 'bookstore_memory_release_pause_seconds_count'),
      (count) => (count ?? 0) >= 1,
      { timeoutMs: 60_000, intervalMs: 1000 },
    );
    expect(releases).toBeGreaterThanOrEqual(1);
    // The pause is observed: a real collection ran, not just a counter.
    expect(await metric(app, 'bookstore_memory_release_pause_seconds_sum')).toBeGreaterThan(0);
  });
});
