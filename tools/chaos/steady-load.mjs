// A steady stream of orders (open loop: one every 1000/rate ms, whatever the answers) plus a
// read probe, recording every request: status, duration, and whether it got no answer in time.
// With several gateways it alternates between them and, like a load balancer, sends a request
// refused at connect (it never reached a server, so it is safe to resend) to the next one.
import { randomUUID } from 'node:crypto';

import { call } from '../../bench/lib/http.mjs';
import { randomItems } from '../../bench/lib/orders.mjs';

export class SteadyLoad {
  constructor({ customers, books, rate, timeoutMs, gateways, maxInFlight = 300 }) {
    Object.assign(this, { customers, books, rate, timeoutMs, gateways, maxInFlight });
    this.requests = [];
    this.placements = [];
    this.inFlight = new Set();
    this.skipped = 0;
    this.failedOver = 0;
    this.n = 0;
  }

  start() {
    this.orderTimer = setInterval(() => this.fire(), 1000 / this.rate);
    this.probeTimer = setInterval(() => this.probe(), 250);
  }

  /** Stops issuing and waits for every request in flight (each is bounded by timeoutMs). */
  async stop() {
    clearInterval(this.orderTimer);
    clearInterval(this.probeTimer);
    await Promise.all(this.inFlight);
  }

  track(promise) {
    this.inFlight.add(promise);
    promise.finally(() => this.inFlight.delete(promise));
  }

  /** Round robin over the gateways; a connection refused goes to the next gateway. */
  async balanced(method, path, options) {
    const first = this.n % this.gateways.length;
    let res;
    for (let i = 0; i < this.gateways.length; i++) {
      res = await call(method, path, {
        ...options,
        baseUrl: this.gateways[(first + i) % this.gateways.length],
      });
      if (res.code !== 'ECONNREFUSED') break;
      if (i + 1 < this.gateways.length) this.failedOver++;
    }
    return res;
  }

  fire() {
    if (this.inFlight.size >= this.maxInFlight) {
      this.skipped++;
      return;
    }
    const customer = this.customers[this.n++ % this.customers.length];
    const items = randomItems(this.books);
    const key = randomUUID();
    const at = Date.now();
    const request = this.balanced('POST', '/api/v1/orders', {
      token: customer.token,
      body: { items },
      headers: { 'idempotency-key': key },
      timeoutMs: this.timeoutMs,
    });
    this.track(
      request.then((res) => {
        this.requests.push({ kind: 'order', at, status: res.status, ms: res.ms, timedOut: !!res.timedOut });
        this.placements.push({ at, customer, items, key, status: res.status, id: res.body?.id });
      }),
    );
  }

  probe() {
    const book = this.books[this.n++ % this.books.length];
    const at = Date.now();
    this.track(
      this.balanced('GET', `/api/v1/books/${book.id}`, { timeoutMs: this.timeoutMs }).then((res) => {
        this.requests.push({ kind: 'read', at, status: res.status, ms: res.ms, timedOut: !!res.timedOut });
      }),
    );
  }
}

/** A request a client could not get served: no answer, a 5xx, or shed (429/503). */
export const failed = (r) => r.status === 0 || r.status >= 500 || r.status === 429;

/**
 * The longest stretch, per kind of request, from a failed request to the next served one of the
 * same kind (ms): how long a client retrying at once would have waited. Requests sorted by start.
 */
export function longestUnavailability(requests, from = 0, to = Infinity) {
  const result = {};
  for (const kind of ['order', 'read']) {
    const list = requests.filter((r) => r.kind === kind).sort((a, b) => a.at - b.at);
    let since = null;
    let longest = 0;
    // A stretch counts for the window [from, to] when it overlaps it.
    const close = (end) => {
      if (since !== null && end >= from && since <= to) longest = Math.max(longest, end - since);
      since = null;
    };
    for (const r of list) {
      if (failed(r)) since ??= r.at;
      else close(r.at);
    }
    // Still failing at the end of the load: until the last request.
    if (list.length) close(list.at(-1).at);
    result[kind] = longest;
  }
  return result;
}
