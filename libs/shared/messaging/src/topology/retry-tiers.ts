import type { Options } from 'amqplib';

import { retryQueueOptions } from './queue-options';
import { serviceQueues } from './service-queues';

/**
 * How long a failed event waits before its next delivery, one entry per retry: about 1 s, 10 s,
 * 1 min and 10 min, so a failure that outlasts a MongoDB election or a short SMTP outage still
 * succeeds before the message is parked. After the last tier the next failure parks it.
 */
export const DEFAULT_RETRY_TIERS_MS: readonly number[] = [1_000, 10_000, 60_000, 600_000];

/**
 * The queue holding events that wait `delayMs` before their next delivery. One queue per delay,
 * named after it: a queue's TTL is part of its declaration, so another set of tiers declares other
 * queues instead of clashing with these (406 PRECONDITION_FAILED).
 */
export function retryTierQueue(service: string, delayMs: number): string {
  return `${serviceQueues(service).events}.retry.${delayMs}ms`;
}

/** Each tier's queue and declaration: TTL = the tier's delay, then back to the events queue. */
export function retryTierQueues(
  service: string,
  tiersMs: readonly number[],
): { name: string; options: Options.AssertQueue; bindings: readonly string[] }[] {
  return tiersMs.map((delayMs) => ({
    name: retryTierQueue(service, delayMs),
    options: retryQueueOptions(service, delayMs),
    bindings: [],
  }));
}
