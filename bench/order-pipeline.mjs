// Order pipeline: customers place orders for a few books of limited stock, either as fast as the
// system takes them (closed loop, with a cap on orders still unsettled: this measures the maximum
// throughput, and its latency is only in-flight / throughput) or at a fixed rate (open loop: the
// latency a client sees at that load). Each order is followed through its customer's notification
// stream (SSE), not by polling; afterwards every order is listed once, for the server-side timings
// and the stock invariant.
import { dbOpsPerOrder, dbSnapshot } from './lib/db-ops.mjs';
import { adminLogin, createBooks, createCustomers, readStocks } from './lib/fixtures.mjs';
import { sleep } from './lib/http.mjs';
import { OrderTracker } from './lib/order-tracker.mjs';
import { checkStockInvariant, placeOrder, randomItems, serverSettleMs, waitSettled } from './lib/orders.mjs';
import { round, summarize } from './lib/stats.mjs';

export const ORDER_TARGETS = { minConfirmedPerS: 200, maxP99ToConfirmedMs: 1000 };

/**
 * Places `orders` orders from `customers` customers: with `rate` > 0 one every 1000/rate ms
 * whatever the answers (open loop), otherwise as fast as possible with at most `inFlight`
 * unsettled at once (closed loop).
 */
export async function runOrderPipeline({
  customers: customerCount,
  orders: total,
  books: bookCount,
  stock,
  inFlight,
  rate = 0,
  label = 'pipeline',
  log = console.log,
}) {
  log(`[orders] set-up: admin login, ${bookCount} books × ${stock} stock, ${customerCount} customers`);
  const admin = await adminLogin();
  const books = await createBooks(admin, bookCount, stock, label);
  const customers = await createCustomers(customerCount, label);
  const initialStocks = Object.fromEntries(books.map((b) => [b.id, b.stock]));
  const tracker = await OrderTracker.open(customers);

  const mode = rate > 0 ? `open loop at ${rate}/s` : `closed loop, ≤ ${inFlight} unsettled`;
  log(`[orders] placing ${total} orders (${customerCount} customers, ${mode}), following them by SSE`);
  const placed = [];
  const failures = {};
  // PostgreSQL publishes a backend's counters up to 10 s late (PGSTAT_IDLE_INTERVAL): wait them out.
  let dbBefore = dbSnapshot();
  if (dbBefore) {
    await sleep(11_000);
    dbBefore = dbSnapshot();
  }
  const t0 = performance.now();
  let lastAcceptedAt = t0;
  const place = async (customer) => {
    const sentAt = performance.now();
    const res = await placeOrder(customer, randomItems(books));
    if (res.status !== 201) {
      failures[res.status] = (failures[res.status] ?? 0) + 1;
      return;
    }
    lastAcceptedAt = performance.now();
    const record = { id: res.body.id, sentAt, placeMs: res.ms, customer };
    placed.push(record);
    tracker.track(record);
  };
  if (rate > 0) await openLoop(customers, total, rate, place);
  else await closedLoop(customers, total, inFlight, tracker, place);
  await tracker.drain();
  const tEnd = performance.now();
  // After the counters settle: what the last orders still caused (relay pops, e-mails) is included.
  const dbAfter = dbBefore ? (await sleep(11_000), dbSnapshot()) : null;
  await tracker.close();

  const settled = placed.filter((o) => o.seenAt);
  const confirmed = placed.filter((o) => o.status === 'CONFIRMED');
  const lastConfirmedAt = Math.max(t0, ...confirmed.map((o) => o.seenAt));
  const lastSettledAt = Math.max(t0, ...settled.map((o) => o.seenAt));
  log(`[orders] checking the invariant over every order of the ${customerCount} customers`);
  // Orders still PENDING after the follow window get more time before the invariant is checked.
  let invariant;
  let all = [];
  try {
    all = await waitSettled(customers, 60_000, log);
    invariant = checkStockInvariant(books, initialStocks, await readStocks(books), all);
  } catch (error) {
    // Keep the throughput and latency figures even when the audit itself could not finish.
    invariant = { ok: false, books: [], pending: null, byStatus: {}, error: error.message };
  }
  const listed = new Map(all.map((order) => [order.id, order]));

  const offeredS = rate > 0 ? total / rate : null;
  return {
    params: { customers: customerCount, orders: total, books: bookCount, stock, inFlight, rate },
    mode: rate > 0 ? 'open' : 'closed',
    attempted: total,
    accepted: placed.length,
    placementFailures: failures,
    confirmed: confirmed.length,
    rejected: placed.filter((o) => o.status === 'REJECTED').length,
    pendingAfterFollow: placed.length - settled.length,
    heardBy: {
      sse: settled.filter((o) => o.via === 'sse').length,
      poll: settled.length - settled.filter((o) => o.via === 'sse').length,
    },
    fallbackPolls: tracker.polled,
    stillPending: invariant.pending,
    durationS: round((tEnd - t0) / 1000, 2),
    offeredPerS: rate > 0 ? round(total / offeredS, 1) : null,
    acceptedPerS: round(placed.length / ((lastAcceptedAt - t0) / 1000), 1),
    confirmedPerS: confirmed.length ? round(confirmed.length / ((lastConfirmedAt - t0) / 1000), 1) : 0,
    // Confirmed and rejected alike: the pipeline's throughput, whatever the stock left.
    settledPerS: settled.length ? round(settled.length / ((lastSettledAt - t0) / 1000), 1) : 0,
    placeLatencyMs: summarize(placed.map((o) => o.placeMs)),
    toConfirmedMs: summarize(confirmed.map((o) => o.seenAt - o.sentAt)),
    toSettledMs: summarize(settled.map((o) => o.seenAt - o.sentAt)),
    serverToConfirmedMs: summarize(
      confirmed.map((o) => serverSettleMs(listed.get(o.id))).filter((v) => v !== null),
    ),
    dbOps: dbOpsPerOrder(dbBefore, dbAfter, placed.length),
    invariant,
  };
}

/** As fast as accepted, from every customer at once, with at most `inFlight` orders unsettled. */
async function closedLoop(customers, total, inFlight, tracker, place) {
  let next = 0;
  const worker = async (customer) => {
    while (next < total) {
      next++;
      while (tracker.unsettled >= inFlight) await sleep(5);
      await place(customer);
    }
  };
  await Promise.all(customers.map(worker));
}

/** One order every 1000/rate ms on a fixed schedule (late ticks fire at once, none are skipped). */
async function openLoop(customers, total, rate, place) {
  const start = performance.now();
  const requests = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    requests.push(place(customers[i % customers.length]));
  }
  await Promise.all(requests);
}

export function orderVerdict(result) {
  return {
    confirmedPerSMet: (result.confirmedPerS ?? 0) >= ORDER_TARGETS.minConfirmedPerS,
    p99Met: (result.toConfirmedMs.p99 ?? Infinity) < ORDER_TARGETS.maxP99ToConfirmedMs,
    invariantMet: result.invariant.ok && result.stillPending === 0,
  };
}
