import { api, createBook, eventually, loginAdmin, registerCustomer, unique } from '@bookstore/shared/testing';

interface Order {
  id: string;
  userId: string;
  status: string;
  items: { bookId: string; title: string; quantity: number; unitPriceCents: number }[];
  totalCents: number;
  statusHistory: { status: string; at: string; reason?: string }[];
}

const book = (adminToken: string, stock: number, priceCents?: number) =>
  createBook(adminToken, { stock, priceCents, title: unique('Order Book') });

async function stockOf(bookId: string): Promise<number> {
  const res = await api('GET', `/api/v1/books/${bookId}`);
  expect(res.status).toBe(200);
  return res.body.stock as number;
}

async function place(token: string, items: unknown, headers?: Record<string, string>) {
  return api<Order>('POST', '/api/v1/orders', { token, body: { items }, headers });
}

async function settled(token: string, orderId: string): Promise<Order> {
  const res = await eventually(
    () => api<Order>('GET', `/api/v1/orders/${orderId}`, { token }),
    (r) => r.status === 200 && r.body.status !== 'PENDING',
  );
  return res.body;
}

describe('orders through the gateway', () => {
  let admin: string;

  beforeAll(async () => {
    admin = await loginAdmin();
  });

  it('places an order PENDING with price snapshots, then confirms it once stock is reserved', async () => {
    const buyer = await registerCustomer();
    const [a, b] = [await book(admin, 10, 1299), await book(admin, 5, 500)];
    const res = await place(buyer.token, [
      { bookId: a, quantity: 2 },
      { bookId: b, quantity: 1 },
    ]);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      userId: buyer.id,
      status: 'PENDING',
      totalCents: 3098,
    });
    expect(res.body.items).toEqual([
      { bookId: a, title: expect.stringContaining('Order Book'), quantity: 2, unitPriceCents: 1299 },
      { bookId: b, title: expect.stringContaining('Order Book'), quantity: 1, unitPriceCents: 500 },
    ]);
    const order = await settled(buyer.token, res.body.id);
    expect(order.status).toBe('CONFIRMED');
    expect(order.statusHistory.map((entry) => entry.status)).toEqual(['PENDING', 'CONFIRMED']);
    // Reserved by the catalog: both lines (polled, as the catalog's cache is its own concern).
    await eventually(
      () => stockOf(a),
      (stock) => stock === 8,
      { timeoutMs: 5000 },
    );
    await eventually(
      () => stockOf(b),
      (stock) => stock === 4,
      { timeoutMs: 5000 },
    );
  });

  it('rejects an order the catalog cannot fill, naming the short line, and reserves nothing', async () => {
    const buyer = await registerCustomer();
    const [plenty, scarce] = [await book(admin, 10), await book(admin, 1)];
    const res = await place(buyer.token, [
      { bookId: plenty, quantity: 2 },
      { bookId: scarce, quantity: 3 },
    ]);
    expect(res.status).toBe(201);
    const order = await settled(buyer.token, res.body.id);
    expect(order.status).toBe('REJECTED');
    const rejected = order.statusHistory.find((entry) => entry.status === 'REJECTED');
    expect(rejected?.reason).toContain(scarce);
    expect(rejected?.reason).not.toContain(plenty);
    expect(await stockOf(plenty)).toBe(10);
    expect(await stockOf(scarce)).toBe(1);
  });

  it('returns the first order for a repeated Idempotency-Key, also under concurrency', async () => {
    const buyer = await registerCustomer();
    const bookId = await book(admin, 20);
    const key = unique('idem');
    const first = await place(buyer.token, [{ bookId, quantity: 1 }], { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const again = await place(buyer.token, [{ bookId, quantity: 1 }], { 'Idempotency-Key': key });
    expect(again.body.id).toBe(first.body.id);

    const raceKey = unique('race');
    const racing = await Promise.all(
      Array.from({ length: 4 }, () =>
        place(buyer.token, [{ bookId, quantity: 1 }], { 'Idempotency-Key': raceKey }),
      ),
    );
    expect(racing.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);

    const list = await api('GET', '/api/v1/orders?limit=100', { token: buyer.token });
    expect(list.body.total).toBe(2);
    // Another user's identical key is a different order.
    const other = await registerCustomer();
    const theirs = await place(other.token, [{ bookId, quantity: 1 }], { 'Idempotency-Key': key });
    expect(theirs.body.id).not.toBe(first.body.id);
  });

  it('answers 400 for invalid lines and unknown books, and 401 without a token', async () => {
    const buyer = await registerCustomer();
    const bookId = await book(admin, 5);
    const invalid: [string, unknown][] = [
      ['empty', []],
      ['quantity < 1', [{ bookId, quantity: 0 }]],
      ['quantity > 100', [{ bookId, quantity: 101 }]],
      ['fractional quantity', [{ bookId, quantity: 1.5 }]],
      [
        'duplicate bookId',
        [
          { bookId, quantity: 1 },
          { bookId, quantity: 2 },
        ],
      ],
      ['malformed bookId', [{ bookId: 'nope', quantity: 1 }]],
      ['unknown book', [{ bookId: '0123456789abcdef01234567', quantity: 1 }]],
    ];
    for (const [label, items] of invalid) {
      const res = await place(buyer.token, items);
      expect({ label, status: res.status }).toEqual({ label, status: 400 });
      expect(res.body).toMatchObject({ statusCode: 400, correlationId: expect.any(String) });
    }
    const badKey = await place(buyer.token, [{ bookId, quantity: 1 }], {
      'Idempotency-Key': 'k'.repeat(256),
    });
    expect(badKey.status).toBe(400);
    expect((await place('', [{ bookId, quantity: 1 }])).status).toBe(401);
    expect(await stockOf(bookId)).toBe(5);
  });

  it("hides someone else's order (404) and answers 404 for a malformed id", async () => {
    const [owner, stranger] = [await registerCustomer(), await registerCustomer()];
    const bookId = await book(admin, 5);
    const order = (await place(owner.token, [{ bookId, quantity: 1 }])).body;
    expect((await api('GET', `/api/v1/orders/${order.id}`, { token: stranger.token })).status).toBe(404);
    expect((await api('POST', `/api/v1/orders/${order.id}/cancel`, { token: stranger.token })).status).toBe(
      404,
    );
    expect((await api('GET', '/api/v1/orders/not-an-id', { token: owner.token })).status).toBe(404);
    const strangerList = await api('GET', '/api/v1/orders', { token: stranger.token });
    expect(strangerList.body).toEqual({ items: [], total: 0, page: 1, limit: 20 });
    const adminView = await api('GET', `/api/v1/orders/${order.id}`, { token: admin });
    expect(adminView.status).toBe(200);
    const adminList = await api('GET', `/api/v1/orders?userId=${owner.id}`, { token: admin });
    expect(adminList.body.items.map((o: Order) => o.id)).toEqual([order.id]);
  });

  it('cancels a confirmed order, gives the stock back, and refuses to cancel twice (409)', async () => {
    const buyer = await registerCustomer();
    const bookId = await book(admin, 6);
    expect(await stockOf(bookId)).toBe(6); // now in the gateway's book cache
    const order = (await place(buyer.token, [{ bookId, quantity: 4 }])).body;
    expect((await settled(buyer.token, order.id)).status).toBe('CONFIRMED');
    // The cached copy follows the reservation (stock.reserved), well before its 60 s TTL.
    await eventually(
      () => stockOf(bookId),
      (stock) => stock === 2,
    );

    const cancelled = await api('POST', `/api/v1/orders/${order.id}/cancel`, { token: buyer.token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('CANCELLED');
    expect(cancelled.body.statusHistory.map((e: { status: string }) => e.status)).toEqual([
      'PENDING',
      'CONFIRMED',
      'CANCELLED',
    ]);
    await eventually(
      () => stockOf(bookId),
      (stock) => stock === 6,
    );

    const twice = await api('POST', `/api/v1/orders/${order.id}/cancel`, { token: buyer.token });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ORDER.NOT_CANCELLABLE');
  });

  it('cancelled as soon as the catalog reserved, gives back exactly the stock taken', async () => {
    const buyer = await registerCustomer();
    const bookId = await book(admin, 3);
    const before = await stockOf(bookId);
    const order = (await place(buyer.token, [{ bookId, quantity: 2 }])).body;
    // Cancel the moment the catalog has taken the stock: the order is then still PENDING (its
    // stock.reserved not yet handled, and ignored once it is) or has just become CONFIRMED. Either
    // way the units are taken, so only the compensation (the catalog releasing on order.cancelled)
    // can bring the stock back.
    await eventually(
      () => stockOf(bookId),
      (stock) => stock === before - 2,
    );
    const cancelled = await api<Order>('POST', `/api/v1/orders/${order.id}/cancel`, { token: buyer.token });
    expect(cancelled.status).toBe(200);
    await eventually(
      () => stockOf(bookId),
      (stock) => stock === before,
    );
    const final = await api<Order>('GET', `/api/v1/orders/${order.id}`, { token: buyer.token });
    expect(final.body.status).toBe('CANCELLED');
    expect([
      ['PENDING', 'CANCELLED'],
      ['PENDING', 'CONFIRMED', 'CANCELLED'],
    ]).toContainEqual(final.body.statusHistory.map((entry) => entry.status));
  });

  it('lets an admin ship and deliver a confirmed order, in order only; customers get 403', async () => {
    const buyer = await registerCustomer();
    const bookId = await book(admin, 5);
    const order = (await place(buyer.token, [{ bookId, quantity: 1 }])).body;
    expect((await settled(buyer.token, order.id)).status).toBe('CONFIRMED');
    const path = `/api/v1/orders/${order.id}/status`;

    const byCustomer = await api('PATCH', path, { token: buyer.token, body: { status: 'SHIPPED' } });
    expect(byCustomer.status).toBe(403);
    const skipped = await api('PATCH', path, { token: admin, body: { status: 'DELIVERED' } });
    expect(skipped.status).toBe(409);
    expect(skipped.body.code).toBe('ORDER.INVALID_TRANSITION');
    expect((await api('PATCH', path, { token: admin, body: { status: 'BOGUS' } })).status).toBe(400);

    const shipped = await api('PATCH', path, { token: admin, body: { status: 'SHIPPED' } });
    expect(shipped.status).toBe(200);
    expect(shipped.body.status).toBe('SHIPPED');
    const cancelShipped = await api('POST', `/api/v1/orders/${order.id}/cancel`, { token: buyer.token });
    expect(cancelShipped.status).toBe(409);
    const delivered = await api('PATCH', path, { token: admin, body: { status: 'DELIVERED' } });
    expect(delivered.status).toBe(200);
    expect(delivered.body.statusHistory.map((e: { status: string }) => e.status)).toEqual([
      'PENDING',
      'CONFIRMED',
      'SHIPPED',
      'DELIVERED',
    ]);
    expect((await api('PATCH', path, { token: admin, body: { status: 'SHIPPED' } })).status).toBe(409);
    expect(
      (
        await api('PATCH', '/api/v1/orders/0123456789abcdef01234567/status', {
          token: admin,
          body: { status: 'SHIPPED' },
        })
      ).status,
    ).toBe(404);
  });

  it('filters the list by status and rejects a bad status filter with 400', async () => {
    const buyer = await registerCustomer();
    const bookId = await book(admin, 1);
    const ok = (await place(buyer.token, [{ bookId, quantity: 1 }])).body;
    await settled(buyer.token, ok.id);
    const short = (await place(buyer.token, [{ bookId, quantity: 1 }])).body;
    await settled(buyer.token, short.id);
    const confirmed = await api('GET', '/api/v1/orders?status=CONFIRMED', { token: buyer.token });
    expect(confirmed.body.items.map((o: Order) => o.id)).toEqual([ok.id]);
    const rejected = await api('GET', '/api/v1/orders?status=REJECTED', { token: buyer.token });
    expect(rejected.body.items.map((o: Order) => o.id)).toEqual([short.id]);
    expect((await api('GET', '/api/v1/orders?status=NOPE', { token: buyer.token })).status).toBe(400);
    expect((await api('GET', '/api/v1/orders?limit=101', { token: buyer.token })).status).toBe(400);
  });
});
