// Order pipeline: customers place orders for a few books of limited stock as fast as the system
// takes them (with a cap on orders still PENDING); each order is followed by polling until it
// settles; afterwards the stock invariant is checked over every order the customers own.
import { adminLogin, createBooks, createCustomers, readStocks } from './lib/fixtures.mjs';
import { sleep } from './lib/http.mjs';
import {
  checkStockInvariant,
  followOrder,
  placeOrder,
  randomItems,
  serverSettleMs,
  waitSettled,
} from './lib/orders.mjs';
import { round, summarize } from './lib/stats.mjs';

export const ORDER_TARGETS = { minConfirmedPerS: 200, maxP99ToConfirmedMs: 1000 };

/** Places `orders` orders from `customers` customers with at most `inFlight` unsettled at once. */
export async function runOrderPipeline({
  customers: customerCount,
  orders: total,
  books: bookCount,
  stock,
  inFlight,
  log = console.log,
}) {
  log(`[orders] set-up: admin login, ${bookCount} books × ${stock} stock, ${customerCount} customers`);
  const admin = await adminLogin();
  const books = await createBooks(admin, bookCount, stock, 'pipeline');
  const customers = await createCustomers(customerCount, 'pipeline');
  const initialStocks = Object.fromEntries(books.map((b) => [b.id, b.stock]));

  log(`[orders] placing ${total} orders (${customerCount} customers, ≤ ${inFlight} unsettled)`);
  const placed = [];
  const failures = {};
  const followers = [];
  let next = 0;
  let unsettled = 0;
  const t0 = performance.now();
  let lastAcceptedAt = t0;
  const worker = async (customer) => {
    while (next < total) {
      next++;
      while (unsettled >= inFlight) await sleep(5);
      const sentAt = performance.now();
      const res = await placeOrder(customer, randomItems(books));
      if (res.status !== 201) {
        failures[res.status] = (failures[res.status] ?? 0) + 1;
        continue;
      }
      lastAcceptedAt = performance.now();
      const record = { id: res.body.id, sentAt, placeMs: res.ms, customer };
      placed.push(record);
      unsettled++;
      followers.push(
        followOrder(customer, record.id).then((outcome) => {
          unsettled--;
          Object.assign(record, outcome);
        }),
      );
    }
  };
  await Promise.all(customers.map(worker));
  await Promise.all(followers);
  const tEnd = performance.now();

  const settled = placed.filter((o) => o.seenAt);
  const confirmed = placed.filter((o) => o.status === 'CONFIRMED');
  const lastConfirmedAt = Math.max(t0, ...confirmed.map((o) => o.seenAt));
  log(`[orders] checking the invariant over every order of the ${customerCount} customers`);
  // Orders still PENDING after the follow window get more time before the invariant is checked.
  let invariant;
  try {
    const all = await waitSettled(customers, 60_000, log);
    invariant = checkStockInvariant(books, initialStocks, await readStocks(books), all);
  } catch (error) {
    // Keep the throughput and latency figures even when the audit itself could not finish.
    invariant = { ok: false, books: [], pending: null, byStatus: {}, error: error.message };
  }

  const toConfirmed = summarize(confirmed.map((o) => o.seenAt - o.sentAt));
  const toSettled = summarize(settled.map((o) => o.seenAt - o.sentAt));
  const serverToConfirmed = summarize(
    confirmed.map((o) => serverSettleMs(o.order)).filter((v) => v !== null),
  );
  return {
    params: { customers: customerCount, orders: total, books: bookCount, stock, inFlight },
    attempted: total,
    accepted: placed.length,
    placementFailures: failures,
    confirmed: confirmed.length,
    rejected: placed.filter((o) => o.status === 'REJECTED').length,
    pendingAfterFollow: placed.length - settled.length,
    stillPending: invariant.pending,
    durationS: round((tEnd - t0) / 1000, 2),
    acceptedPerS: round(placed.length / ((lastAcceptedAt - t0) / 1000), 1),
    confirmedPerS: confirmed.length ? round(confirmed.length / ((lastConfirmedAt - t0) / 1000), 1) : 0,
    placeLatencyMs: summarize(placed.map((o) => o.placeMs)),
    toConfirmedMs: toConfirmed,
    toSettledMs: toSettled,
    serverToConfirmedMs: serverToConfirmed,
    invariant,
  };
}

export function orderVerdict(result) {
  return {
    confirmedPerSMet: (result.confirmedPerS ?? 0) >= ORDER_TARGETS.minConfirmedPerS,
    p99Met: (result.toConfirmedMs.p99 ?? Infinity) < ORDER_TARGETS.maxP99ToConfirmedMs,
    invariantMet: result.invariant.ok && result.stillPending === 0,
  };
}
