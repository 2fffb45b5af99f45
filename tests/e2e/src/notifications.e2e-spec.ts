import {
  api,
  createBook,
  eventually,
  gatewayUrl,
  loginAdmin,
  registerCustomer,
  unique,
} from '@bookstore/shared/testing';

interface Notification {
  id: string;
  type: string;
  title: string;
  body: string;
  read: boolean;
  createdAt: string;
  data: Record<string, unknown>;
}

const book = (adminToken: string, stock: number, priceCents?: number) =>
  createBook(adminToken, { stock, priceCents, title: unique('Notified Book') });

async function placeOrder(token: string, bookId: string): Promise<string> {
  const res = await api('POST', '/api/v1/orders', { token, body: { items: [{ bookId, quantity: 1 }] } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function notificationsOf(token: string): Promise<Notification[]> {
  const res = await api('GET', '/api/v1/notifications?limit=100', { token });
  expect(res.status).toBe(200);
  return res.body.items as Notification[];
}

/** Reads Server-Sent Events from a fetch body and collects the `data:` payloads of `notification` events. */
class SseReader {
  readonly received: Notification[] = [];
  readonly comments: string[] = [];
  private buffer = '';

  constructor(private readonly body: ReadableStream<Uint8Array>) {}

  async pump(): Promise<void> {
    const decoder = new TextDecoder();
    const reader = this.body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        this.buffer += decoder.decode(value, { stream: true });
        this.parse();
      }
    } catch {
      // aborted at the end of the test
    }
  }

  private parse(): void {
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const lines = block.split('\n');
      for (const line of lines.filter((l) => l.startsWith(': '))) this.comments.push(line.slice(2));
      const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
      if (data.length && lines.includes('event: notification'))
        this.received.push(JSON.parse(data.join('\n')));
    }
  }
}

describe('notifications through the gateway', () => {
  let admin: string;

  beforeAll(async () => {
    admin = await loginAdmin();
  });

  it('welcomes a new user and notifies the order confirmation; marks read; hides it from others', async () => {
    const [reader, stranger] = [await registerCustomer(), await registerCustomer()];
    const welcome = await eventually(
      () => notificationsOf(reader.token),
      (items) => items.some((n) => n.type === 'user.registered'),
    );
    expect(welcome[0]).toMatchObject({ type: 'user.registered', read: false, title: expect.any(String) });

    const orderId = await placeOrder(reader.token, await book(admin, 5));
    const items = await eventually(
      () => notificationsOf(reader.token),
      (list) => list.some((n) => n.type === 'order.confirmed' && n.data['orderId'] === orderId),
    );
    const confirmed = items.find((n) => n.type === 'order.confirmed') as Notification;
    expect(confirmed).toMatchObject({
      read: false,
      title: expect.any(String),
      body: expect.stringContaining(orderId),
    });
    expect(items.filter((n) => n.type === 'order.confirmed')).toHaveLength(1);

    const path = `/api/v1/notifications/${confirmed.id}/read`;
    expect((await api('POST', path, { token: stranger.token })).status).toBe(404);
    expect((await api('POST', '/api/v1/notifications/garbage/read', { token: reader.token })).status).toBe(
      404,
    );
    const read = await api('POST', path, { token: reader.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: confirmed.id, read: true });
    const after = await notificationsOf(reader.token);
    expect(after.find((n) => n.id === confirmed.id)?.read).toBe(true);
    expect((await notificationsOf(stranger.token)).some((n) => n.id === confirmed.id)).toBe(false);
    expect((await api('GET', '/api/v1/notifications')).status).toBe(401);
  });

  it("streams the caller's own new notifications over SSE, and nobody else's", async () => {
    const [reader, other] = [await registerCustomer(), await registerCustomer()];
    const bookId = await book(admin, 5);
    const controllers = [new AbortController(), new AbortController()];
    const open = async (token: string, signal: AbortSignal) => {
      const res = await fetch(`${gatewayUrl()}/api/v1/notifications/stream`, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const sse = new SseReader(res.body as ReadableStream<Uint8Array>);
      void sse.pump();
      return sse;
    };
    try {
      const [mine, theirs] = [
        await open(reader.token, controllers[0].signal),
        await open(other.token, controllers[1].signal),
      ];
      const orderId = await placeOrder(reader.token, bookId);
      await eventually(
        async () => mine.received,
        (received) => received.some((n) => n.type === 'order.confirmed' && n.data['orderId'] === orderId),
      );
      expect(mine.comments).toContain('connected');
      expect(theirs.received.some((n) => n.data['orderId'] === orderId)).toBe(false);
    } finally {
      controllers.forEach((controller) => controller.abort());
    }
  });

  it('refuses the stream without a token (401, JSON error shape)', async () => {
    const res = await api('GET', '/api/v1/notifications/stream');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, correlationId: expect.any(String) });
  });
});
