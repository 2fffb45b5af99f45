import type { Registry } from 'prom-client';
import { Gauge } from 'prom-client';

import { withTimeout } from './with-timeout';

/** One series of a scrape-time gauge: its labels and its value now. */
export interface GaugeSample<L extends string> {
  labels?: Partial<Record<L, string>>;
  value: number;
}

/** Reads current values from whatever holds them (the broker, MongoDB, readiness checks). */
export type GaugeReader<L extends string> = () => Promise<readonly GaugeSample<L>[]>;

/** How long one reader may take at a scrape before its series are left out of that scrape. */
export const GAUGE_READ_TIMEOUT_MS = 3000;

export interface ScrapeTimeGaugeOptions<L extends string> {
  name: string;
  help: string;
  labelNames?: readonly L[];
  registry: Registry;
}

/**
 * A gauge whose values are read when Prometheus scrapes (prom-client's `collect`), from the readers
 * the app's providers add at start-up: nothing polls between scrapes. Each scrape starts empty, so
 * a reader that fails or answers too late leaves its series out (Prometheus sees them absent) rather
 * than repeating a stale value.
 */
export class ScrapeTimeGauge<L extends string = never> {
  private readonly readers = new Set<GaugeReader<L>>();
  /** The prom-client gauge itself, registered in `options.registry`. */
  readonly gauge: Gauge<L>;

  constructor(options: ScrapeTimeGaugeOptions<L>) {
    const readers = this.readers;
    this.gauge = new Gauge<L>({
      name: options.name,
      help: options.help,
      labelNames: options.labelNames ?? [],
      registers: [options.registry],
      async collect() {
        this.reset();
        const read = await Promise.allSettled(
          [...readers].map((reader) => withTimeout(reader(), GAUGE_READ_TIMEOUT_MS)),
        );
        for (const result of read) {
          if (result.status !== 'fulfilled') continue;
          for (const sample of result.value) this.set(sample.labels ?? {}, sample.value);
        }
      },
    });
  }

  /** Adds a reader; the returned function removes it again (on the module's destroy). */
  read(reader: GaugeReader<L>): () => void {
    this.readers.add(reader);
    return () => this.readers.delete(reader);
  }
}
