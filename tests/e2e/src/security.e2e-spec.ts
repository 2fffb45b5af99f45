import type { KeyObject } from 'node:crypto';
import { createHash, createHmac, createPublicKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ApiResponse } from '@bookstore/shared/testing';
import { api, eventually, unique, uniqueEmail } from '@bookstore/shared/testing';

/**
 * Abuse through the gateway: forged and expired tokens, role escalation, other users' data,
 * operator injection, oversized and malformed bodies, login brute force. Every refusal must use the
 * shared error shape; none may be a 5xx.
 */

const ISSUER = process.env['JWT_ISSUER'] ?? 'bookstore-auth';
const AUDIENCE = process.env['JWT_AUDIENCE'] ?? 'bookstore-api';
const PASSWORD = 'Secur1ty-e2e-pass';

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

function encode(header: object, claims: object): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
}

function signRs256(header: object, claims: object, key: KeyObject | string): string {
  const input = encode({ alg: 'RS256', typ: 'JWT', ...header }, claims);
  return `${input}.${b64url(sign('sha256', Buffer.from(input), key))}`;
}

function claimsFor(sub: string, roles: string[], expiresInSeconds = 600): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub,
    roles,
    jti: randomUUID(),
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now - 5,
    exp: now + expiresInSeconds,
  };
}

/** The auth service's newest signing key, read where it keeps it (JWT_KEYS_DIR, default .infra/keys). */
function realSigningKey(): { pem: string; kid: string } {
  const dir = process.env['JWT_KEYS_DIR'] ?? join(__dirname, '../../../.infra/keys');
  const newest = readdirSync(dir)
    .filter((name) => name.endsWith('.pem'))
    .sort()
    .pop();
  if (!newest) throw new Error(`no signing key in ${dir}`);
  const pem = readFileSync(join(dir, newest), 'utf8');
  const jwk = createPublicKey(pem).export({ format: 'jwk' });
  // RFC 7638 thumbprint, as the auth service computes its kid.
  const kid = createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n }))
    .digest('base64url');
  return { pem, kid };
}

function expectErrorShape(res: ApiResponse, status: number): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual(
    expect.objectContaining({
      statusCode: status,
      error: expect.any(String),
      message: expect.anything(),
      correlationId: expect.any(String),
    }),
  );
  expect(JSON.stringify(res.body)).not.toMatch(/stack|Mongo|at \w+ \(/);
}

interface Customer {
  id: string;
  email: string;
  token: string;
}

async function newCustomer(): Promise<Customer> {
  const email = uniqueEmail();
  const reg = await api('POST', '/api/v1/auth/register', {
    body: { email, password: PASSWORD, name: 'Sec' },
  });
  expect(reg.status).toBe(201);
  const login = await api('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
  expect(login.status).toBe(200);
  return { id: reg.body.id, email, token: login.body.accessToken };
}

async function adminToken(): Promise<string> {
  const res = await api('POST', '/api/v1/auth/login', {
    body: {
      email: process.env['ADMIN_EMAIL'] ?? 'admin@bookstore.local',
      password: process.env['ADMIN_PASSWORD'] ?? 'ChangeMe123!',
    },
  });
  expect(res.status).toBe(200);
  return res.body.accessToken;
}

/** A valid ISBN-13 with a random body, so books never collide with other tests' books. */
function isbn13(): string {
  const digits = [9, 7, 9, ...Array.from({ length: 9 }, () => Math.floor(Math.random() * 10))];
  const sum = digits.reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return [...digits, (10 - (sum % 10)) % 10].join('');
}

describe('security: access tokens', () => {
  let customer: Customer;

  beforeAll(async () => {
    customer = await newCustomer();
  });

  it('accepts a token signed with the real key and valid claims (control for the cases below)', async () => {
    const { pem, kid } = realSigningKey();
    const token = signRs256({ kid }, claimsFor(customer.id, ['customer']), pem);
    const res = await api('GET', '/api/v1/orders', { token });
    expect(res.status).toBe(200);
  });

  it('rejects an expired token signed with the real key', async () => {
    const { pem, kid } = realSigningKey();
    const claims = {
      ...claimsFor(customer.id, ['customer'], -120),
      iat: Math.floor(Date.now() / 1000) - 1200,
    };
    expectErrorShape(await api('GET', '/api/v1/orders', { token: signRs256({ kid }, claims, pem) }), 401);
  });

  it('rejects a token with the wrong audience or issuer', async () => {
    const { pem, kid } = realSigningKey();
    const wrongAud = signRs256(
      { kid },
      { ...claimsFor(customer.id, ['customer']), aud: 'someone-else' },
      pem,
    );
    expectErrorShape(await api('GET', '/api/v1/orders', { token: wrongAud }), 401);
    const wrongIss = signRs256({ kid }, { ...claimsFor(customer.id, ['customer']), iss: 'evil' }, pem);
    expectErrorShape(await api('GET', '/api/v1/orders', { token: wrongIss }), 401);
  });

  it('rejects a token forged with another key, even with a known kid', async () => {
    const { kid } = realSigningKey();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = signRs256({ kid }, claimsFor(customer.id, ['admin']), privateKey);
    expectErrorShape(await api('GET', '/api/v1/orders', { token: forged }), 401);
    const unknownKid = signRs256({ kid: unique('kid') }, claimsFor(customer.id, ['admin']), privateKey);
    expectErrorShape(await api('GET', '/api/v1/orders', { token: unknownKid }), 401);
  });

  it('rejects alg:none and an HS256 token keyed with the public key (algorithm confusion)', async () => {
    const { pem, kid } = realSigningKey();
    const none = `${encode({ alg: 'none', typ: 'JWT' }, claimsFor(customer.id, ['admin']))}.`;
    expectErrorShape(await api('GET', '/api/v1/orders', { token: none }), 401);
    const publicPem = createPublicKey(pem).export({ type: 'spki', format: 'pem' }).toString();
    const input = encode({ alg: 'HS256', typ: 'JWT', kid }, claimsFor(customer.id, ['admin']));
    const hs = `${input}.${createHmac('sha256', publicPem).update(input).digest('base64url')}`;
    expectErrorShape(await api('GET', '/api/v1/orders', { token: hs }), 401);
  });

  it('rejects a real token whose payload was edited to claim admin', async () => {
    const [header, , signature] = customer.token.split('.');
    const claims = JSON.parse(Buffer.from(customer.token.split('.')[1], 'base64url').toString());
    const tampered = `${header}.${b64url(JSON.stringify({ ...claims, roles: ['admin'] }))}.${signature}`;
    expectErrorShape(await api('GET', '/api/v1/orders', { token: tampered }), 401);
    expectErrorShape(await api('GET', '/api/v1/orders', { token: 'not-a-jwt' }), 401);
  });
});

describe('security: role escalation through body fields', () => {
  it('refuses register with roles: ["admin"] (400) and never creates that account', async () => {
    const email = uniqueEmail();
    const res = await api('POST', '/api/v1/auth/register', {
      body: { email, password: PASSWORD, name: 'Mallory', roles: ['admin'] },
    });
    expectErrorShape(res, 400);
    const login = await api('POST', '/api/v1/auth/login', { body: { email, password: PASSWORD } });
    expect(login.status).toBe(401);
  });

  it('gives a normal registration only the customer role, and customers cannot grant roles', async () => {
    const customer = await newCustomer();
    const me = await api('GET', '/api/v1/auth/me', { token: customer.token });
    expect(me.body.roles).toEqual(['customer']);
    const grant = await api('PATCH', `/api/v1/auth/users/${customer.id}/roles`, {
      token: customer.token,
      body: { roles: ['admin'] },
    });
    expectErrorShape(grant, 403);
    const book = await api('POST', '/api/v1/books', {
      token: customer.token,
      body: {
        title: 't',
        author: 'a',
        isbn: isbn13(),
        description: 'd',
        genres: ['x'],
        priceCents: 100,
        stock: 1,
      },
    });
    expectErrorShape(book, 403);
  });

  it('refuses server-owned fields in an order body (userId, status, totalCents)', async () => {
    const customer = await newCustomer();
    const res = await api('POST', '/api/v1/orders', {
      token: customer.token,
      body: {
        items: [{ bookId: '665f1c2e8b3e4a0012345678', quantity: 1 }],
        userId: 'someone-else',
        status: 'CONFIRMED',
        totalCents: 0,
      },
    });
    expectErrorShape(res, 400);
  });
});

describe("security: other users' data", () => {
  let owner: Customer;
  let intruder: Customer;
  let orderId: string;

  beforeAll(async () => {
    [owner, intruder] = await Promise.all([newCustomer(), newCustomer()]);
    const book = await api('POST', '/api/v1/books', {
      token: await adminToken(),
      body: {
        title: unique('Security book'),
        author: 'E2E',
        isbn: isbn13(),
        description: 'for the security spec',
        genres: ['test'],
        priceCents: 1234,
        stock: 5,
      },
    });
    expect(book.status).toBe(201);
    const order = await api('POST', '/api/v1/orders', {
      token: owner.token,
      body: { items: [{ bookId: book.body.id, quantity: 1 }] },
    });
    expect(order.status).toBe(201);
    orderId = order.body.id;
  });

  it("answers 404 for another user's order, its cancellation and its list entry", async () => {
    expect((await api('GET', `/api/v1/orders/${orderId}`, { token: owner.token })).status).toBe(200);
    expectErrorShape(await api('GET', `/api/v1/orders/${orderId}`, { token: intruder.token }), 404);
    expectErrorShape(await api('POST', `/api/v1/orders/${orderId}/cancel`, { token: intruder.token }), 404);
    const list = await api('GET', '/api/v1/orders', { token: intruder.token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).not.toContain(orderId);
  });

  it("answers 404 when marking another user's notification read, and never lists it", async () => {
    const mine = await eventually(
      () => api('GET', '/api/v1/notifications', { token: owner.token }),
      (res) => res.status === 200 && res.body.items.length > 0,
    );
    const notificationId = mine.body.items[0].id;
    expectErrorShape(
      await api('POST', `/api/v1/notifications/${notificationId}/read`, { token: intruder.token }),
      404,
    );
    const theirs = await api('GET', '/api/v1/notifications', { token: intruder.token });
    expect(theirs.body.items.map((n: { id: string }) => n.id)).not.toContain(notificationId);
  });
});

describe('security: injection and malformed input', () => {
  it('refuses MongoDB operators in login fields (400, never a login)', async () => {
    const res = await api('POST', '/api/v1/auth/login', {
      body: { email: { $ne: null }, password: { $ne: null } },
    });
    expectErrorShape(res, 400);
    const regex = await api('POST', '/api/v1/auth/login', {
      body: { email: { $regex: '.*' }, password: 'x' },
    });
    expectErrorShape(regex, 400);
  });

  it('refuses operators in query strings and ids, and treats regex syntax in q as text', async () => {
    expectErrorShape(await api('GET', '/api/v1/books?author[$ne]=x'), 400);
    expectErrorShape(await api('GET', '/api/v1/books?minPriceCents[$gt]=0'), 400);
    expectErrorShape(await api('GET', `/api/v1/books/${encodeURIComponent('{"$ne":null}')}`), 404);
    // Regex syntax must be escaped (200, no match) or refused (400); never a 500 from the driver.
    const search = await api('GET', `/api/v1/books?q=${encodeURIComponent('.*(a+)+$[')}`);
    if (search.status === 200) expect(search.body.items).toEqual([]);
    else expectErrorShape(search, 400);
  });

  it('answers 413 for a body over 100 kB and 400 for malformed JSON or a non-object body', async () => {
    const huge = await api('POST', '/api/v1/auth/register', {
      raw: JSON.stringify({ email: uniqueEmail(), password: PASSWORD, name: 'x'.repeat(120_000) }),
    });
    expectErrorShape(huge, 413);
    expectErrorShape(await api('POST', '/api/v1/auth/login', { raw: '{"email": "a@b.c", ' }), 400);
    expectErrorShape(await api('POST', '/api/v1/auth/login', { raw: '"just a string"' }), 400);
    expectErrorShape(await api('POST', '/api/v1/auth/login', { raw: '[1,2,3]' }), 400);
  });
});

describe('security: login brute force', () => {
  it('answers 429 with Retry-After after repeated failures for one account', async () => {
    const customer = await newCustomer();
    let last: ApiResponse | undefined;
    for (let attempt = 0; attempt < 30; attempt++) {
      last = await api('POST', '/api/v1/auth/login', {
        body: { email: customer.email, password: 'wrong-guess' },
      });
      if (last.status === 429) break;
      expect(last.status).toBe(401);
    }
    expectErrorShape(last as ApiResponse, 429);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    // While throttled even the right password is refused, so guessing cannot continue.
    const right = await api('POST', '/api/v1/auth/login', {
      body: { email: customer.email, password: PASSWORD },
    });
    expectErrorShape(right, 429);
  });
});
