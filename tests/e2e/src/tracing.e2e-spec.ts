import { randomBytes } from 'node:crypto';

import { ORDER_CONFIRMED, ORDER_CREATED, STOCK_RESERVED } from '@bookstore/shared/contracts';
import { api, createBook, eventually, loginAdmin, registerCustomer, unique } from '@bookstore/shared/testing';

/**
 * One order's whole saga in one trace, read back through Jaeger's query API: the system under
 * test exports to Jaeger (OTEL_EXPORTER_OTLP_ENDPOINT, see tools/test/run-all.mjs), and
 * JAEGER_QUERY_URL is where its query API answers.
 */
const JAEGER = (process.env['JAEGER_QUERY_URL'] ?? 'http://127.0.0.1:16686').replace(/\/+$/, '');

interface JaegerSpan {
  spanID: string;
  operationName: string;
  processID: string;
  references: { refType: string; spanID: string; traceID: string }[];
  tags: { key: string; value: unknown }[];
}

interface JaegerTrace {
  traceID: string;
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string }>;
}

/** A span with what the assertions read: its service, kind and parent. */
interface Hop {
  id: string;
  name: string;
  service: string;
  kind: unknown;
  parent?: string;
}

async function jaeger<T>(path: string): Promise<T | undefined> {
  const res = await fetch(`${JAEGER}${path}`, { signal: AbortSignal.timeout(5000) });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new Error(`Jaeger ${path}: HTTP ${res.status}`);
  return ((await res.json()) as { data: T }).data;
}

function hopsOf(trace: JaegerTrace | undefined): Hop[] {
  return (trace?.spans ?? []).map((span) => ({
    id: span.spanID,
    name: span.operationName,
    service: trace?.processes[span.processID]?.serviceName ?? '?',
    kind: span.tags.find((tag) => tag.key === 'span.kind')?.value,
    parent: span.references.find((ref) => ref.refType === 'CHILD_OF')?.spanID,
  }));
}

/** The CONSUMER span of `pattern` in `service`, and the PRODUCER span (in `from`) it continues. */
function brokerHop(hops: Hop[], from: string, service: string, pattern: string) {
  const consumer = hops.find(
    (h) => h.service === service && h.kind === 'consumer' && h.name.startsWith(pattern),
  );
  const producer = hops.find((h) => h.id === consumer?.parent);
  return {
    consumer: consumer?.name,
    producer: producer && { service: producer.service, kind: producer.kind },
    from,
  };
}

describe('tracing: one order, one trace', () => {
  beforeAll(async () => {
    const ui = await fetch(`${JAEGER}/api/services`, { signal: AbortSignal.timeout(5000) }).catch(
      (error: unknown) => error,
    );
    if (!(ui instanceof Response) || !ui.ok)
      throw new Error(`Jaeger's query API does not answer at ${JAEGER} (infra.sh up starts Jaeger)`);
  });

  it('follows the order from the gateway through orders, catalog, orders again and notifications', async () => {
    const admin = await loginAdmin();
    const bookId = await createBook(admin, { stock: 3, title: unique('Traced Book') });
    const customer = await registerCustomer();

    // The caller starts the trace (W3C traceparent, sampled): the gateway continues it, so the
    // spec knows which trace to read back.
    const traceId = randomBytes(16).toString('hex');
    const correlationId = unique('trace');
    const placed = await api('POST', '/api/v1/orders', {
      token: customer.token,
      headers: {
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
        'x-correlation-id': correlationId,
      },
      body: { items: [{ bookId, quantity: 1 }] },
    });
    expect(placed.status).toBe(201);
    const orderId = placed.body.id as string;
    await eventually(
      () => api('GET', `/api/v1/orders/${orderId}`, { token: customer.token }),
      (res) => res.body?.status === 'CONFIRMED',
    );

    // Each service exports its spans in batches, about a second apart: wait until all four sent
    // theirs (the gateway's HTTP span ends last), then check the whole trace.
    const services = ['gateway', 'orders', 'catalog', 'notifications'];
    const trace = await eventually(
      async () => (await jaeger<JaegerTrace[]>(`/api/traces/${traceId}`))?.[0],
      (found) => {
        const seen = new Set(hopsOf(found).map((h) => h.service));
        return services.every((service) => seen.has(service));
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const hops = hopsOf((await jaeger<JaegerTrace[]>(`/api/traces/${traceId}`))?.[0] ?? trace);

    // The gateway's request span continues the caller's trace: the root of the system's part.
    expect(hops.find((h) => h.service === 'gateway' && h.kind === 'server')?.name).toBe(
      'POST /api/v1/orders',
    );

    // Every broker hop: a CONSUMER span whose parent is the PRODUCER span of the service that sent it.
    const placeRequest = hops.find(
      (h) =>
        h.service === 'orders' &&
        h.kind === 'consumer' &&
        hops.find((p) => p.id === h.parent)?.service === 'gateway',
    );
    expect(placeRequest).toBeDefined();
    expect(hops.find((h) => h.id === placeRequest?.parent)?.kind).toBe('producer');
    for (const [from, to, pattern] of [
      ['orders', 'catalog', ORDER_CREATED],
      ['catalog', 'orders', STOCK_RESERVED],
      ['orders', 'notifications', ORDER_CONFIRMED],
    ])
      expect(brokerHop(hops, from, to, pattern)).toEqual({
        consumer: `${pattern} process`,
        producer: { service: from, kind: 'producer' },
        from,
      });

    // Nothing of this saga went to another trace: its correlation id finds this trace only.
    const tags = encodeURIComponent(JSON.stringify({ 'bookstore.correlation_id': correlationId }));
    const byCorrelation = await jaeger<JaegerTrace[]>(
      `/api/traces?service=notifications&tags=${tags}&lookback=1h&limit=20`,
    );
    expect([...new Set((byCorrelation ?? []).map((t) => t.traceID))]).toEqual([traceId]);
  });
});
