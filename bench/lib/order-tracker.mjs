// Follows placed orders to CONFIRMED/REJECTED by their customers' notification streams (one SSE
// connection per customer) instead of polling each order: the time recorded is when the notice
// reached the client. Orders not heard of get a slow fallback poll (a lost live notice must not
// stall the run: live delivery is best effort), and that path is counted separately.
import { call, mapLimit, sleep } from './http.mjs';
import { openOrderNotices } from './notification-stream.mjs';
import { SETTLED } from './orders.mjs';

const FALLBACK_EVERY_MS = 2000;
/** Only orders not heard of for this long are polled: a poll must not pre-empt a notice on its way. */
const QUIET_MS = 5000;

export class OrderTracker {
  /** Opens one notification stream per customer; resolves when all are open. */
  static async open(customers, { deadlineMs = 30_000 } = {}) {
    const tracker = new OrderTracker(deadlineMs);
    tracker.streams = await mapLimit(customers, 8, (customer) =>
      openOrderNotices(customer, (id, status, at) => tracker.heard(id, status, at)),
    );
    tracker.poller = setInterval(() => tracker.sweep(), FALLBACK_EVERY_MS);
    return tracker;
  }

  constructor(deadlineMs) {
    this.deadlineMs = deadlineMs;
    this.records = new Map();
    /** Notices that arrived before the POST that created their order answered. */
    this.early = new Map();
    this.unsettled = 0;
    this.polled = 0;
    this.sweeping = false;
  }

  /** Starts following an order; `record` needs id, customer, sentAt. */
  track(record) {
    this.records.set(record.id, record);
    const early = this.early.get(record.id);
    if (early) {
      this.early.delete(record.id);
      this.settle(record, early.status, early.at, 'sse');
    } else {
      this.unsettled++;
    }
  }

  heard(id, status, at) {
    const record = this.records.get(id);
    if (!record) this.early.set(id, { status, at });
    else if (!record.seenAt) {
      this.unsettled--;
      this.settle(record, status, at, 'sse');
    }
  }

  settle(record, status, at, via) {
    Object.assign(record, { status, seenAt: at, via });
  }

  /** The fallback: GET the orders not heard of for a while (one sweep at a time, 4 requests at once). */
  async sweep() {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      const now = performance.now();
      const quiet = [...this.records.values()].filter(
        (r) => !r.seenAt && !r.late && now - r.sentAt > QUIET_MS,
      );
      await mapLimit(quiet, 4, async (record) => {
        if (performance.now() - record.sentAt > this.deadlineMs) {
          record.late = true;
          return;
        }
        const res = await call('GET', `/api/v1/orders/${record.id}`, {
          token: record.customer.token,
          timeoutMs: 10_000,
        });
        this.polled++;
        if (res.status === 200 && SETTLED.has(res.body.status) && !record.seenAt) {
          this.unsettled--;
          this.settle(record, res.body.status, performance.now(), 'poll');
        }
      });
    } finally {
      this.sweeping = false;
    }
  }

  /** Resolves when every tracked order settled or passed the deadline. */
  async drain() {
    while ([...this.records.values()].some((r) => !r.seenAt && !r.late)) await sleep(50);
  }

  async close() {
    clearInterval(this.poller);
    while (this.sweeping) await sleep(20);
    await Promise.all(this.streams.map((stream) => stream.close()));
  }
}
