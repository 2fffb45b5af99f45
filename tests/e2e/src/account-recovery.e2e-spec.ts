/**
 * Password reset and e-mail verification through the gateway (issue 12, item 8). The links are
 * read from the e-mails the notifications service writes as .eml files into MAIL_DIR (no SMTP_URL
 * in development and tests). The specs talk from 127.0.0.1, which the test environment exempts from
 * per-client limits (RATE_LIMIT_EXEMPT_CLIENTS); the limit is proven from another loopback address.
 */
import { randomInt } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';

import type { ApiResponse } from '@bookstore/shared/testing';
import {
  api,
  CUSTOMER_PASSWORD,
  eventually,
  gatewayUrl,
  unique,
  uniqueEmail,
} from '@bookstore/shared/testing';

const MAIL_DIR = process.env['MAIL_DIR'] ?? join(__dirname, '../../../.infra/mail');
const NEW_PASSWORD = 'brand-new-secret-7';

/**
 * POSTs from the loopback source address `localAddress` (any 127.x.y.z on Linux), which the gateway
 * sees as a client of its own: not the exempt 127.0.0.1 of the test environment.
 */
function postFrom(
  localAddress: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: unknown; retryAfter?: string }> {
  const { hostname, port } = new URL(gatewayUrl());
  const payload = JSON.stringify(body);
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(payload)),
  };
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'POST', localAddress, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: text ? JSON.parse(text) : undefined,
          retryAfter: res.headers['retry-after'] as string | undefined,
        }),
      );
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** The text of an .eml file with its body's transfer encoding undone. */
function decodeEml(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/^Content-Transfer-Encoding: base64/im.test(head))
    return `${head}\n\n${Buffer.from(body, 'base64').toString('utf8')}`;
  if (/^Content-Transfer-Encoding: quoted-printable/im.test(head))
    return `${head}\n\n${body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))}`;
  return raw;
}

/** The mailbox as files: only files that appeared after the test's snapshot are read. */
class Mailbox {
  private seen = new Set<string>();

  async snapshot(): Promise<void> {
    this.seen = new Set(await readdir(MAIL_DIR).catch(() => [] as string[]));
  }

  /** Every new e-mail to `to` so far, decoded. */
  async to(to: string): Promise<string[]> {
    const names = (await readdir(MAIL_DIR).catch(() => [] as string[])).filter((n) => !this.seen.has(n));
    const mails = await Promise.all(
      names.map(async (name) => decodeEml(await readFile(join(MAIL_DIR, name), 'utf8').catch(() => ''))),
    );
    return mails.filter((mail) => new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}$`, 'im').test(mail));
  }

  /** Waits for `count` e-mails to `to` with a link to `page`, and returns their tokens. */
  async tokens(to: string, page: string, count = 1): Promise<string[]> {
    const pattern = new RegExp(`/${page}\\?token=([A-Za-z0-9_%-]+)`);
    const mails = await eventually(
      () => this.to(to),
      (found) => found.filter((mail) => pattern.test(mail)).length >= count,
    );
    return mails
      .map((mail) => pattern.exec(mail)?.[1])
      .filter((token): token is string => !!token)
      .map(decodeURIComponent);
  }
}

async function register(email: string): Promise<string> {
  const res = await api('POST', '/api/v1/auth/register', {
    body: { email, password: CUSTOMER_PASSWORD, name: 'Recovering Reader' },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

function login(email: string, password: string): Promise<ApiResponse<Record<string, string>>> {
  return api('POST', '/api/v1/auth/login', { body: { email, password } });
}

function forgot(email: string): Promise<ApiResponse> {
  return api('POST', '/api/v1/auth/password/forgot', { body: { email } });
}

/** The claims of a JWT, without verifying it (the gateway does that). */
function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

describe('account recovery: password reset and e-mail verification', () => {
  const mailbox = new Mailbox();

  beforeEach(() => mailbox.snapshot());

  it('answers forgot the same for a known and an unknown e-mail, and mails only the known one', async () => {
    const known = uniqueEmail();
    const unknown = uniqueEmail();
    await register(known);

    const [a, b] = [await forgot(known), await forgot(unknown)];

    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body).toEqual(b.body);
    expect([...a.headers.keys()].sort()).toEqual([...b.headers.keys()].sort());
    expect(await mailbox.tokens(known, 'reset-password')).toHaveLength(1);
    expect(await mailbox.to(unknown)).toEqual([]);
  });

  it('resets the password with the e-mailed token once, and ends every session', async () => {
    const email = uniqueEmail();
    await register(email);
    const before = await login(email, CUSTOMER_PASSWORD);
    expect(before.status).toBe(200);
    const { accessToken, refreshToken } = before.body as { accessToken: string; refreshToken: string };

    expect((await forgot(email)).status).toBe(202);
    const [token] = await mailbox.tokens(email, 'reset-password');
    const reset = await api('POST', '/api/v1/auth/password/reset', {
      body: { token, password: NEW_PASSWORD },
    });
    expect(reset.status).toBe(204);

    expect((await login(email, CUSTOMER_PASSWORD)).status).toBe(401);
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
    const refreshed = await api('POST', '/api/v1/auth/refresh', { body: { refreshToken } });
    expect(refreshed.status).toBe(401);
    expect((await api('GET', '/api/v1/auth/me', { token: accessToken })).status).toBe(401);

    const again = await api('POST', '/api/v1/auth/password/reset', {
      body: { token, password: 'yet-another-secret-8' },
    });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ statusCode: 400, correlationId: expect.any(String) });
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses garbage, replaced and malformed reset requests with 400', async () => {
    const garbage = await api('POST', '/api/v1/auth/password/reset', {
      body: { token: 'A'.repeat(43), password: NEW_PASSWORD },
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const weak = await api('POST', '/api/v1/auth/password/reset', {
      body: { token: 'x', password: 'short' },
    });
    expect(weak.status).toBe(400);
    const extra = await api('POST', '/api/v1/auth/password/forgot', {
      body: { email: uniqueEmail(), admin: true },
    });
    expect(extra.status).toBe(400);
  });

  it('verifies the address with the token mailed at registration, once; the next token says so', async () => {
    const email = uniqueEmail();
    await register(email);
    const first = await login(email, CUSTOMER_PASSWORD);
    expect(claimsOf(first.body.accessToken as string)['email_verified']).toBe(false);
    const me = await api('GET', '/api/v1/auth/me', { token: first.body.accessToken as string });
    expect(me.body).toMatchObject({ email, emailVerified: false });

    const [token] = await mailbox.tokens(email, 'verify-email');
    expect((await api('POST', '/api/v1/auth/email/verify', { body: { token } })).status).toBe(204);
    const again = await api('POST', '/api/v1/auth/email/verify', { body: { token } });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ statusCode: 400, correlationId: expect.any(String) });
    expect((await api('POST', '/api/v1/auth/email/verify', { body: { token: unique('nope') } })).status).toBe(
      400,
    );

    const refreshed = await api('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    expect(claimsOf(refreshed.body.accessToken as string)['email_verified']).toBe(true);
    const after = await api('GET', '/api/v1/auth/me', { token: refreshed.body.accessToken as string });
    expect(after.body).toMatchObject({ emailVerified: true });
  });

  it('re-sends a verification link on request (bearer), replacing the first one', async () => {
    expect((await api('POST', '/api/v1/auth/email/verify/resend')).status).toBe(401);
    const email = uniqueEmail();
    await register(email);
    const { accessToken } = (await login(email, CUSTOMER_PASSWORD)).body as { accessToken: string };
    const [first] = await mailbox.tokens(email, 'verify-email');

    // Within ACCOUNT_EMAIL_INTERVAL_SECONDS of the first link nothing new is sent; the first stays.
    const resend = await api('POST', '/api/v1/auth/email/verify/resend', {
      token: accessToken,
    });
    expect(resend.status).toBe(202);
    expect((await api('POST', '/api/v1/auth/email/verify', { body: { token: first } })).status).toBe(204);
  });

  it('limits reset requests per client with 429 and Retry-After', async () => {
    const path = '/api/v1/auth/password/forgot';
    const localAddress = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    let last: Awaited<ReturnType<typeof postFrom>> | undefined;
    for (let i = 0; i < 50; i++) {
      last = await postFrom(localAddress, path, { email: uniqueEmail() });
      if (last.status !== 202) break;
    }
    expect(last?.status).toBe(429);
    expect(Number(last?.retryAfter)).toBeGreaterThan(0);
    expect(last?.body).toMatchObject({ statusCode: 429, correlationId: expect.any(String) });
  });
});
