/**
 * Issue 12, item 4: an Idempotency-Key is bound to the request it first came with. Through the
 * gateway, against the real services: a repeat with the same body replays the first answer (and
 * says so in `Idempotent-Replayed: true`) without doing anything twice, another body is a 422,
 * racing repeats place one order, the admin's stock adjustment takes a key with the same rules,
 * and a malformed key is a 400. (Expiry is proven in the orders' and catalog's integration specs,
 * which age the key instead of waiting 24 h.)
 */
import { randomUUID } from 'node:crypto';

import type { ApiResponse } from '@bookstore/shared/testing';
import { api, createBook, loginAdmin, registerCustomer, unique } from '@bookstore/shared/testing';

interface Order {
  id: string;
  items: { bookId: string; quantity: number }[];
}

interface Book {
  id: string;
  stock: number;
}

const REPLAYED = 'idempotent-replayed';

const place = (token: string, items: unknown, key?: string) =>
  api<Order>('POST', '/api/v1/orders', {
    token,
    body: { items },
    headers: key === undefined ? undefined : { 'Idempotency-Key': key },
  });

const adjust = (token: string, bookId: string, delta: number, key?: string) =>
  api<Book>('POST', `/api/v1/books/${bookId}/stock`, {
    token,
    body: { delta },
    headers: key === undefined ? undefined : { 'Idempotency-Key': key },
  });

async function stockOf(bookId: string): Promise<number> {
  const res = await api<Book>('GET', `/api/v1/books/${bookId}`);
  expect(res.status).toBe(200);
  return res.body.stock;
}

async function orderCount(token: string): Promise<number> {
  const res = await api<{ total: number }>('GET', '/api/v1/orders?limit=100', { token });
  expect(res.status).toBe(200);
  return res.body.total;
}

function expectUnprocessable(res: ApiResponse, code: string): void {
  expect(res.status).toBe(422);
  expect(res.body).toMatchObject({
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: expect.any(String),
    correlationId: expect.any(String),
    code,
  });
}

describe('hardening: idempotency keys', () => {
  let admin: string;

  beforeAll(async () => {
    admin = await loginAdmin();
  });

  it('replays the first order for the same key and body, with Idempotent-Replayed: true', async () => {
    const buyer = await registerCustomer();
    const [a, b] = [await createBook(admin, { stock: 10 }), await createBook(admin, { stock: 10 })];
    const key = randomUUID();
    const lines = [
      { bookId: a, quantity: 1 },
      { bookId: b, quantity: 2 },
    ];
    const first = await place(buyer.token, lines, key);
    expect(first.status).toBe(201);
    expect(first.headers.get(REPLAYED)).toBeNull();

    const again = await place(buyer.token, lines, key);
    expect(again.status).toBe(201);
    expect(again.headers.get(REPLAYED)).toBe('true');
    expect(again.body.id).toBe(first.body.id);

    // The same lines in another order are the same request.
    const reordered = await place(buyer.token, [...lines].reverse(), key);
    expect(reordered.status).toBe(201);
    expect(reordered.headers.get(REPLAYED)).toBe('true');
    expect(reordered.body.id).toBe(first.body.id);
    expect(await orderCount(buyer.token)).toBe(1);
  });

  it('answers 422 in the shared error shape for the same key with another body, and places nothing', async () => {
    const buyer = await registerCustomer();
    const bookId = await createBook(admin, { stock: 10 });
    const key = randomUUID();
    const first = await place(buyer.token, [{ bookId, quantity: 1 }], key);
    expect(first.status).toBe(201);

    expectUnprocessable(
      await place(buyer.token, [{ bookId, quantity: 3 }], key),
      'ORDER.IDEMPOTENCY_KEY_REUSED',
    );
    const otherBook = await createBook(admin, { stock: 10 });
    expectUnprocessable(
      await place(buyer.token, [{ bookId: otherBook, quantity: 1 }], key),
      'ORDER.IDEMPOTENCY_KEY_REUSED',
    );
    expect(await orderCount(buyer.token)).toBe(1);
    // Another customer's equal key is their own.
    const other = await registerCustomer();
    const theirs = await place(other.token, [{ bookId, quantity: 3 }], key);
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get(REPLAYED)).toBeNull();
  });

  it('places one order for concurrent requests with one key: one placed it, the others are replays', async () => {
    const buyer = await registerCustomer();
    const bookId = await createBook(admin, { stock: 20 });
    const key = randomUUID();
    const racing = await Promise.all(
      Array.from({ length: 6 }, () => place(buyer.token, [{ bookId, quantity: 1 }], key)),
    );
    expect(racing.map((res) => res.status)).toEqual(Array(6).fill(201));
    expect(new Set(racing.map((res) => res.body.id)).size).toBe(1);
    expect(racing.filter((res) => res.headers.get(REPLAYED) === null)).toHaveLength(1);
    expect(await orderCount(buyer.token)).toBe(1);
  });

  it('lets one of two concurrent bodies with one key win; the other gets 422', async () => {
    const buyer = await registerCustomer();
    const bookId = await createBook(admin, { stock: 20 });
    const key = randomUUID();
    const racing = await Promise.all(
      Array.from({ length: 6 }, (_, i) => place(buyer.token, [{ bookId, quantity: 1 + (i % 2) }], key)),
    );
    const statuses = racing.map((res) => res.status).sort();
    expect(statuses).toEqual([201, 201, 201, 422, 422, 422]);
    expect(await orderCount(buyer.token)).toBe(1);
  });

  it('applies a keyed stock adjustment once, replays it, and refuses the key with another delta', async () => {
    const bookId = await createBook(admin, { stock: 4 });
    const key = randomUUID();
    const first = await adjust(admin, bookId, 5, key);
    expect(first.status).toBe(200);
    expect(first.headers.get(REPLAYED)).toBeNull();
    expect(first.body.stock).toBe(9);

    const again = await adjust(admin, bookId, 5, key);
    expect(again.status).toBe(200);
    expect(again.headers.get(REPLAYED)).toBe('true');
    expect(again.body).toMatchObject({ id: bookId, stock: 9 });
    expect(await stockOf(bookId)).toBe(9);

    expectUnprocessable(await adjust(admin, bookId, -2, key), 'CATALOG.IDEMPOTENCY_KEY_REUSED');
    expect(await stockOf(bookId)).toBe(9);

    const racing = await Promise.all(
      Array.from({ length: 5 }, () => adjust(admin, bookId, 1, `${key}-race`)),
    );
    expect(racing.map((res) => res.status)).toEqual(Array(5).fill(200));
    expect(racing.filter((res) => res.headers.get(REPLAYED) === null)).toHaveLength(1);
    expect(await stockOf(bookId)).toBe(10);
    // Without a key every adjustment counts.
    await adjust(admin, bookId, 1);
    await adjust(admin, bookId, 1);
    expect(await stockOf(bookId)).toBe(12);
  });

  it('answers 400 for a key longer than 255 characters (or not printable ASCII) on both routes', async () => {
    const buyer = await registerCustomer();
    const bookId = await createBook(admin, { stock: 3 });
    for (const bad of ['k'.repeat(300), 'k'.repeat(256), 'schlüssel']) {
      const order = await place(buyer.token, [{ bookId, quantity: 1 }], bad);
      expect(order.status).toBe(400);
      expect(order.body).toMatchObject({ statusCode: 400, code: 'REQUEST.INVALID_IDEMPOTENCY_KEY' });
      const stock = await adjust(admin, bookId, 1, bad);
      expect(stock.status).toBe(400);
      expect(stock.body).toMatchObject({ statusCode: 400, code: 'REQUEST.INVALID_IDEMPOTENCY_KEY' });
    }
    expect(await orderCount(buyer.token)).toBe(0);
    expect(await stockOf(bookId)).toBe(3);
    const longest = await place(buyer.token, [{ bookId, quantity: 1 }], unique('k').padEnd(255, 'k'));
    expect(longest.status).toBe(201);
  });

  it('documents the header, the replay header and the 422 on both routes in /docs-json', async () => {
    const doc = (await api('GET', '/docs-json')).body as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    const routes = [doc.paths['/api/v1/orders']['post'], doc.paths['/api/v1/books/{id}/stock']['post']];
    for (const operation of routes) {
      const header = operation.parameters.find((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      expect(header).toMatchObject({ required: false, schema: { maxLength: 255 } });
      expect(operation.responses['422']).toBeDefined();
      const success = operation.responses['201'] ?? operation.responses['200'];
      expect(success.headers?.['Idempotent-Replayed']).toBeDefined();
    }
  });
});

interface OpenApiOperation {
  parameters: { in: string; name: string; required?: boolean; schema?: { maxLength?: number } }[];
  responses: Record<string, { headers?: Record<string, unknown> }>;
}
