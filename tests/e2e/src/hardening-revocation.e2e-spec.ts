import {
  api,
  CUSTOMER_PASSWORD,
  gatewayUrl,
  isbn13,
  login,
  loginAdmin,
  registerCustomer,
  unique,
} from '@bookstore/shared/testing';

/** How long a stream may take to end after its token was revoked (the periodic re-check is 2 s). */
const STREAM_END_WITHIN_MS = 3000;

interface Session {
  accessToken: string;
  refreshToken: string;
}

async function startSession(email: string, password = CUSTOMER_PASSWORD): Promise<Session> {
  const res = await api('POST', '/api/v1/auth/login', { body: { email, password } });
  expect(res.status).toBe(200);
  return { accessToken: res.body.accessToken, refreshToken: res.body.refreshToken };
}

const me = (token: string) => api('GET', '/api/v1/auth/me', { token });
const refresh = (refreshToken: string) => api('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
const logoutAll = (token: string) => api('POST', '/api/v1/auth/logout-all', { token });
const createBook = (token: string) =>
  api('POST', '/api/v1/books', {
    token,
    body: {
      title: unique('Revocation Book'),
      author: 'E2E Author',
      isbn: isbn13(),
      description: 'Made while a token was being revoked',
      genres: ['test'],
      priceCents: 999,
      stock: 1,
    },
  });

/** An open notification stream: resolves `connected` at its first comment, `ended` when it ends. */
class OpenStream {
  readonly connected: Promise<void>;
  readonly ended: Promise<number>;
  private readonly abort = new AbortController();

  constructor(token: string) {
    let onConnected: () => void = () => undefined;
    this.connected = new Promise((resolve) => (onConnected = resolve));
    this.ended = (async () => {
      const res = await fetch(`${gatewayUrl()}/api/v1/notifications/stream`, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal: this.abort.signal,
      });
      expect(res.status).toBe(200);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return Date.now();
          if (new TextDecoder().decode(value).includes(': connected')) onConnected();
        }
      } catch {
        return Number.POSITIVE_INFINITY; // aborted by the test: it never ended by itself
      }
    })();
  }

  /** When the stream ended by itself (ms since the epoch), or null if it is still open after `ms`. */
  async endedWithin(ms: number): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
    const ended = await Promise.race([this.ended, timeout]);
    clearTimeout(timer);
    return ended === null || ended === Number.POSITIVE_INFINITY ? null : ended;
  }

  close(): void {
    this.abort.abort();
  }
}

describe('hardening: sessions end at once (issue 12, item 3)', () => {
  const streams: OpenStream[] = [];
  const open = async (token: string) => {
    const stream = new OpenStream(token);
    streams.push(stream);
    await stream.connected;
    return stream;
  };

  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });

  it("refuses a demoted admin's old token within a second, and ends their stream", async () => {
    const admin = await loginAdmin();
    const user = await registerCustomer('Soon Demoted');
    expect(
      (
        await api('PATCH', `/api/v1/auth/users/${user.id}/roles`, {
          token: admin,
          body: { roles: ['customer', 'admin'] },
        })
      ).status,
    ).toBe(200);
    const promoted = await login(user.email, CUSTOMER_PASSWORD);
    expect((await createBook(promoted)).status).toBe(201);
    const stream = await open(promoted);

    const demoted = await api('PATCH', `/api/v1/auth/users/${user.id}/roles`, {
      token: admin,
      body: { roles: ['customer'] },
    });
    expect(demoted.status).toBe(200);
    expect(demoted.body.roles).toEqual(['customer']);
    const start = Date.now();
    let status = 0;
    while (Date.now() - start < 5000) {
      status = (await createBook(promoted)).status;
      if (status === 401 || status === 403) break;
    }
    expect([401, 403]).toContain(status);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(await stream.endedWithin(STREAM_END_WITHIN_MS)).not.toBeNull();
    // Logging in again gives a token with the new roles, which works and may not create books.
    const fresh = await login(user.email, CUSTOMER_PASSWORD);
    expect((await me(fresh)).status).toBe(200);
    expect((await createBook(fresh)).status).toBe(403);
  });

  it('logout-all ends every session: refresh tokens, older access tokens; a new login works at once', async () => {
    const user = await registerCustomer('Leaving Everywhere');
    const [laptop, phone] = [await startSession(user.email), await startSession(user.email)];
    expect((await me(phone.accessToken)).status).toBe(200);

    const res = await logoutAll(laptop.accessToken);
    expect(res.status).toBe(204);
    // Within the same second as the revocation: a login right after it must work, the old ones not.
    const after = await startSession(user.email);

    for (const old of [laptop, phone]) {
      expect((await me(old.accessToken)).status).toBe(401);
      expect((await refresh(old.refreshToken)).status).toBe(401);
    }
    expect((await me(after.accessToken)).status).toBe(200);
    const next = await refresh(after.refreshToken);
    expect(next.status).toBe(200);
    expect((await me(next.body.accessToken)).status).toBe(200);
    // Another user's sessions are untouched.
    const other = await registerCustomer('Bystander');
    expect((await me(other.token)).status).toBe(200);
  });

  it('logout-all needs a valid token (401 in the shared error shape)', async () => {
    const res = await logoutAll('not-a-token');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      statusCode: 401,
      error: 'Unauthorized',
      correlationId: expect.any(String),
    });
  });

  it('ends the stream of the access token at logout, and only that one', async () => {
    const user = await registerCustomer('Logging Out');
    const [leaving, staying] = [await startSession(user.email), await startSession(user.email)];
    const leavingStream = await open(leaving.accessToken);
    const stayingStream = await open(staying.accessToken);

    const res = await api('POST', '/api/v1/auth/logout', {
      token: leaving.accessToken,
      body: { refreshToken: leaving.refreshToken },
    });
    expect(res.status).toBe(204);
    expect(await leavingStream.endedWithin(STREAM_END_WITHIN_MS)).not.toBeNull();
    expect(await stayingStream.endedWithin(500)).toBeNull();
    expect((await me(staying.accessToken)).status).toBe(200);
  });

  it("ends every stream of the user at logout-all, and nobody else's", async () => {
    const user = await registerCustomer('Streams Everywhere');
    const other = await registerCustomer('Streams Elsewhere');
    const [laptop, phone] = [await startSession(user.email), await startSession(user.email)];
    const mine = [await open(laptop.accessToken), await open(phone.accessToken)];
    const theirs = await open(other.token);

    expect((await logoutAll(phone.accessToken)).status).toBe(204);
    for (const stream of mine) expect(await stream.endedWithin(STREAM_END_WITHIN_MS)).not.toBeNull();
    expect(await theirs.endedWithin(500)).toBeNull();
  });
});
