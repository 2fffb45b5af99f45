// Orders as the harnesses use them: place, list, and check the stock invariant (order-tracker.mjs
// follows them to a final state). The invariant: what left the shelves equals what confirmed
// orders hold, and nothing is left PENDING.
import { randomInt, randomUUID } from 'node:crypto';

import { call, callPatiently, mapLimit, sleep } from './http.mjs';
import { printTable } from './table.mjs';

/** States that hold stock: the order was confirmed (and maybe shipped/delivered since). */
export const HOLDS_STOCK = new Set(['CONFIRMED', 'SHIPPED', 'DELIVERED']);
export const SETTLED = new Set(['CONFIRMED', 'REJECTED', 'CANCELLED', 'SHIPPED', 'DELIVERED']);

/** 1-2 distinct books, quantity 1-3 each. */
export function randomItems(books) {
  const first = randomInt(books.length);
  const items = [{ bookId: books[first].id, quantity: randomInt(1, 4) }];
  if (books.length > 1 && randomInt(2) === 1) {
    const second = (first + 1 + randomInt(books.length - 1)) % books.length;
    items.push({ bookId: books[second].id, quantity: randomInt(1, 4) });
  }
  return items;
}

/** POST /orders with an Idempotency-Key; returns the raw response plus the key used. */
export async function placeOrder(customer, items, timeoutMs = 10_000) {
  const key = randomUUID();
  const res = await call('POST', '/api/v1/orders', {
    token: customer.token,
    body: { items },
    headers: { 'idempotency-key': key },
    timeoutMs,
  });
  return { ...res, key };
}

/** Every order of a customer, all pages (limit 100). */
export async function listAllOrders(customer) {
  const orders = [];
  for (let page = 1; page < 1000; page++) {
    // Patiently: a busy orders service answers a 100-item page slowly (504 is retried).
    const res = await callPatiently('GET', `/api/v1/orders?page=${page}&limit=100`, {
      token: customer.token,
      timeoutMs: 15_000,
    });
    if (res.status !== 200) throw new Error(`list orders of ${customer.email}: ${res.status}`);
    orders.push(...res.body.items);
    if (res.body.items.length < 100 || orders.length >= res.body.total) return orders;
  }
  return orders;
}

/** Server-side time from creation to the first CONFIRMED/REJECTED entry of statusHistory (ms). */
export function serverSettleMs(order) {
  if (!order) return null;
  const entry = (order.statusHistory ?? []).find((h) => h.status !== 'PENDING');
  if (!entry) return null;
  return new Date(entry.at).getTime() - new Date(order.createdAt).getTime();
}

/**
 * The invariant per book: initial − current stock = Σ quantities of orders holding stock; and the
 * number of orders still PENDING. Returns { ok, books: [...], pending, byStatus }.
 */
export function checkStockInvariant(books, initialStocks, currentStocks, orders) {
  const sold = Object.fromEntries(books.map((b) => [b.id, 0]));
  const byStatus = {};
  for (const order of orders) {
    byStatus[order.status] = (byStatus[order.status] ?? 0) + 1;
    if (!HOLDS_STOCK.has(order.status)) continue;
    for (const item of order.items) if (item.bookId in sold) sold[item.bookId] += item.quantity;
  }
  const pending = byStatus.PENDING ?? 0;
  const rows = books.map((b) => {
    const taken = initialStocks[b.id] - currentStocks[b.id];
    return {
      book: b.title,
      initial: initialStocks[b.id],
      now: currentStocks[b.id],
      taken,
      confirmedQty: sold[b.id],
      // While orders are PENDING their reservations are legitimately in flight: not decided yet.
      ok: taken === sold[b.id] ? true : pending > 0 ? 'in flight' : false,
    };
  });
  return { ok: rows.every((r) => r.ok === true) && pending === 0, books: rows, pending, byStatus };
}

/** Lists every order of the customers until none is PENDING or the deadline passes. */
export async function waitSettled(customers, deadlineMs, log) {
  const end = Date.now() + deadlineMs;
  let orders = [];
  while (Date.now() < end) {
    orders = (await mapLimit(customers, 4, listAllOrders)).flat();
    const pending = orders.filter((o) => o.status === 'PENDING').length;
    if (pending === 0) return orders;
    log(`[orders] ${pending} order(s) still PENDING…`);
    await sleep(3000);
  }
  return orders;
}

/** The invariant per book as a table (bench and chaos print the same one). */
export function printStockTable(books) {
  printTable(
    'Stock per book',
    [
      ['book', 'book'],
      ['initial', 'initial'],
      ['now', 'now'],
      ['taken', 'taken'],
      ['confirmedQty', 'confirmed qty'],
      ['ok', 'ok'],
    ],
    books,
  );
}
