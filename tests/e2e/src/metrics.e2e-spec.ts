/**
 * Health metrics (issue 14, item 3), read from each app's ops port while the gateway is driven
 * over HTTP: readiness and queue gauges read at scrape time, the order saga's duration by
 * outcome, and requests the domain refused counted apart from handler failures.
 */
import { randomBytes } from 'node:crypto';

import type { OpsApp } from '@bookstore/shared/testing';
import {
  api,
  createBook,
  eventually,
  loginAdmin,
  OPS_APPS,
  opsMetricsUrl,
  registerCustomer,
  scrapeMetric,
} from '@bookstore/shared/testing';

const SERVICES = OPS_APPS.filter((app) => app !== 'gateway');

/** The sum of every series of `name` on `app`'s ops port carrying all of `labels` (absent: undefined). */
function metric(app: OpsApp, name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  return scrapeMetric(opsMetricsUrl(app), name, labels);
}

interface Order {
  id: string;
  status: string;
}

describe('health metrics', () => {
  let admin: string;
  let customer: string;

  beforeAll(async () => {
    admin = await loginAdmin();
    customer = (await registerCustomer()).token;
  });

  it('every app reports itself ready, labelled with its name', async () => {
    for (const app of OPS_APPS) {
      expect({ app, ready: await metric(app, 'bookstore_ready', { service: app }) }).toEqual({
        app,
        ready: 1,
      });
    }
  });

  it("every service reports its queues' depth and consumers and its parked events", async () => {
    for (const service of SERVICES) {
      for (const queue of [`${service}.rpc`, `${service}.events`]) {
        const consumers = await metric(service, 'bookstore_queue_consumers', { queue, service });
        expect({ queue, consumers }).toEqual({ queue, consumers: expect.any(Number) });
        expect(consumers).toBeGreaterThanOrEqual(1);
      }
      for (const queue of [`${service}.events.dlq`, `${service}.events.retry.1000ms`]) {
        const depth = await metric(service, 'bookstore_queue_messages', { queue, service });
        expect({ queue, depth }).toEqual({ queue, depth: expect.any(Number) });
      }
      const parked = await metric(service, 'bookstore_dead_letters', { queue: `${service}.events.dlq` });
      expect({ service, parked }).toEqual({ service, parked: expect.any(Number) });
    }
    // The gateway owns no queue: it reports none rather than zeros.
    expect(await metric('gateway', 'bookstore_queue_messages')).toBeUndefined();
    expect(await metric('gateway', 'bookstore_dead_letters')).toBeUndefined();
  });

  async function placeAndSettle(quantity: number, stock: number, status: string): Promise<void> {
    const bookId = await createBook(admin, { stock });
    const placed = await api<Order>('POST', '/api/v1/orders', {
      token: customer,
      body: { items: [{ bookId, quantity }] },
    });
    expect(placed.status).toBe(201);
    await eventually(
      async () =>
        (await api<Order>('GET', `/api/v1/orders/${placed.body.id}`, { token: customer })).body.status,
      (current) => current === status,
    );
  }

  it.each([
    ['confirmed', 1, 5, 'CONFIRMED'],
    ['rejected', 3, 1, 'REJECTED'],
  ])('times the saga of an order ending %s', async (outcome, quantity, stock, status) => {
    const count = () => metric('orders', 'bookstore_saga_duration_seconds_count', { outcome });
    const sum = () => metric('orders', 'bookstore_saga_duration_seconds_sum', { outcome });
    const [countBefore, sumBefore] = [(await count()) ?? 0, (await sum()) ?? 0];
    await placeAndSettle(quantity, stock, status);
    await eventually(count, (now) => (now ?? 0) >= countBefore + 1);
    const took = ((await sum()) ?? 0) - sumBefore;
    // From order.created to the order's move: above zero, and far under the saga deadline.
    expect(took).toBeGreaterThan(0);
    expect(took).toBeLessThan(8);
  });

  it('counts a request the domain refused as rejected, not as handled or failed', async () => {
    const outcomes = async () => ({
      rejected: (await metric('orders', 'bookstore_messages_handled_total', { outcome: 'rejected' })) ?? 0,
      error: (await metric('orders', 'bookstore_messages_handled_total', { outcome: 'error' })) ?? 0,
    });
    const before = await outcomes();
    const missing = randomBytes(12).toString('hex');
    expect((await api('GET', `/api/v1/orders/${missing}`, { token: customer })).status).toBe(404);
    const after = await eventually(outcomes, (now) => now.rejected > before.rejected);
    expect(after.rejected).toBe(before.rejected + 1);
    expect(after.error).toBe(before.error);
  });
});
