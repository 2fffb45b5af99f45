// After the faults: wait until no order is PENDING, then check what must hold (every accepted order
// exists and settled, stock = confirmed quantities, one notification per settled order, no DLQ).
import { readStocks } from '../../bench/lib/fixtures.mjs';
import { call, mapLimit, sleep } from '../../bench/lib/http.mjs';
import { checkStockInvariant } from '../../bench/lib/orders.mjs';

export { waitSettled } from '../../bench/lib/orders.mjs';

/** Placements whose answer was lost (timeout, 5xx): re-sent with the same Idempotency-Key. */
export async function resolveUncertain(placements, log) {
  const uncertain = placements.filter((p) => p.status !== 201 && (p.status === 0 || p.status >= 500));
  const outcome = { resent: uncertain.length, resolved201: 0, other: {} };
  await mapLimit(uncertain, 8, async (p) => {
    const res = await placeOrderWithKey(p);
    if (res.status === 201) outcome.resolved201++;
    else outcome.other[res.status] = (outcome.other[res.status] ?? 0) + 1;
  });
  if (uncertain.length)
    log(`[chaos] re-sent ${uncertain.length} unanswered placements with their Idempotency-Key`);
  return outcome;
}

async function placeOrderWithKey(p) {
  return call('POST', '/api/v1/orders', {
    token: p.customer.token,
    body: { items: p.items },
    headers: { 'idempotency-key': p.key },
    timeoutMs: 15_000,
  });
}

/** Notifications per (type, order): missing for a settled order, or more than one. */
export async function auditNotifications(customers, orders) {
  const seen = new Map();
  for (const customer of customers) {
    for (let page = 1; page < 200; page++) {
      const res = await call('GET', `/api/v1/notifications?page=${page}&limit=100`, {
        token: customer.token,
      });
      if (res.status !== 200) return { measured: false, reason: `GET /notifications answered ${res.status}` };
      for (const n of res.body.items) {
        const orderId = n.data?.orderId;
        if (!orderId) continue;
        const key = `${n.type}|${orderId}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
      if (res.body.items.length < 100) break;
    }
  }
  const duplicated = [...seen.entries()]
    .filter(([, count]) => count > 1)
    .map(([key, count]) => ({ key, count }));
  const missing = [];
  for (const order of orders) {
    if (order.status !== 'CONFIRMED' && order.status !== 'REJECTED') continue;
    // Notification types are the event types without version: order.confirmed, order.rejected.
    if (!seen.has(`order.${order.status.toLowerCase()}|${order.id}`))
      missing.push({ orderId: order.id, status: order.status });
  }
  return {
    measured: true,
    notifications: [...seen.values()].reduce((a, b) => a + b, 0),
    duplicated,
    missing: missing.length,
    missingSample: missing.slice(0, 5),
  };
}

/** The stock invariant plus "every order the gateway accepted exists". */
export async function auditOrders(books, placements, orders) {
  const initialStocks = Object.fromEntries(books.map((b) => [b.id, b.stock]));
  const invariant = checkStockInvariant(books, initialStocks, await readStocks(books), orders);
  const listed = new Set(orders.map((o) => o.id));
  const accepted = placements.filter((p) => p.status === 201);
  const lost = accepted.filter((p) => !listed.has(p.id)).map((p) => p.id);
  const ids = accepted.map((p) => p.id);
  return {
    invariant,
    accepted: accepted.length,
    listed: orders.length,
    lostAccepted: lost,
    duplicateIds: ids.length - new Set(ids).size,
  };
}

/** Notifications are written asynchronously: audit again until none is missing or time is up. */
export async function auditNotificationsEventually(customers, orders, deadlineMs) {
  const end = Date.now() + deadlineMs;
  let audit = await auditNotifications(customers, orders);
  while (audit.measured && audit.missing > 0 && Date.now() < end) {
    await sleep(3000);
    audit = await auditNotifications(customers, orders);
  }
  return audit;
}
