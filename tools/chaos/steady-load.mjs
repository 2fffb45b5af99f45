// A steady stream of orders (open loop: one every 1000/rate ms, whatever the answers) plus a
// read probe, recording every request: status, duration, and whether it got no answer in time.
import { call } from '../../bench/lib/http.mjs';
import { placeOrder, randomItems } from '../../bench/lib/orders.mjs';

export class SteadyLoad {
  constructor({ customers, books, rate, timeoutMs, maxInFlight = 300 }) {
    Object.assign(this, { customers, books, rate, timeoutMs, maxInFlight });
    this.requests = [];
    this.placements = [];
    this.inFlight = new Set();
    this.skipped = 0;
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

  fire() {
    if (this.inFlight.size >= this.maxInFlight) {
      this.skipped++;
      return;
    }
    const customer = this.customers[this.n++ % this.customers.length];
    const items = randomItems(this.books);
    const at = Date.now();
    this.track(
      placeOrder(customer, items, this.timeoutMs).then((res) => {
        this.requests.push({ kind: 'order', at, status: res.status, ms: res.ms, timedOut: !!res.timedOut });
        this.placements.push({ at, customer, items, key: res.key, status: res.status, id: res.body?.id });
      }),
    );
  }

  probe() {
    const book = this.books[this.n % this.books.length];
    const at = Date.now();
    this.track(
      call('GET', `/api/v1/books/${book.id}`, { timeoutMs: this.timeoutMs }).then((res) => {
        this.requests.push({ kind: 'read', at, status: res.status, ms: res.ms, timedOut: !!res.timedOut });
      }),
    );
  }
}
