import { api, uniqueEmail } from '@bookstore/shared/testing';

const PASSWORD = 'correct-horse-9';

async function register(email = uniqueEmail(), password = PASSWORD) {
  const res = await api('POST', '/api/v1/auth/register', { body: { email, password, name: 'E2E Reader' } });
  expect(res.status).toBe(201);
  return { ...res.body, email, password } as { id: string; email: string; password: string };
}

async function login(email: string, password = PASSWORD) {
  const res = await api('POST', '/api/v1/auth/login', { body: { email, password } });
  expect(res.status).toBe(200);
  return res.body as { accessToken: string; refreshToken: string };
}

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
}

describe('auth: register', () => {
  it('creates a customer and returns it without any password material (201)', async () => {
    const email = uniqueEmail();
    const res = await api('POST', '/api/v1/auth/register', {
      body: { email: `  ${email.toUpperCase()} `, password: PASSWORD, name: 'Ada' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(
      expect.objectContaining({ id: expect.any(String), email, name: 'Ada', roles: ['customer'] }),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash|argon/i);
  });

  it.each([
    ['a short password', { email: uniqueEmail(), password: 'short', name: 'A' }],
    ['an invalid email', { email: 'not-an-email', password: PASSWORD, name: 'A' }],
    ['a missing name', { email: uniqueEmail(), password: PASSWORD }],
    ['an empty name', { email: uniqueEmail(), password: PASSWORD, name: '' }],
    ['an unknown property', { email: uniqueEmail(), password: PASSWORD, name: 'A', roles: ['admin'] }],
    ['an operator object as email', { email: { $gt: '' }, password: PASSWORD, name: 'A' }],
  ])('rejects %s with 400 in the shared error shape', async (_case, body) => {
    const res = await api('POST', '/api/v1/auth/register', { body });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      correlationId: expect.any(String),
    });
  });

  it('answers 409 when the email is taken, whatever its case', async () => {
    const user = await register();
    const res = await api('POST', '/api/v1/auth/register', {
      body: { email: user.email.toUpperCase(), password: PASSWORD, name: 'Twin' },
    });
    expect(res.status).toBe(409);
    expect(res.body.statusCode).toBe(409);
  });
});

describe('auth: login', () => {
  it('returns a bearer pair whose access token carries sub, roles, jti, iss, aud and a kid (200)', async () => {
    const user = await register();
    const res = await api('POST', '/api/v1/auth/login', { body: { email: user.email, password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const header = JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString());
    expect(header).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    const claims = claimsOf(res.body.accessToken);
    expect(claims).toMatchObject({ sub: user.id, roles: ['customer'], jti: expect.any(String) });
    expect(claims['iss']).toEqual(expect.any(String));
    expect(claims['aud']).toBeDefined();
    expect(Number(claims['exp']) - Number(claims['iat'])).toBe(900);
    const jwks = await api('GET', '/api/v1/auth/.well-known/jwks.json');
    expect(jwks.body.keys.map((key: { kid: string }) => key.kid)).toContain(header.kid);
  });

  it('answers 401 with the same message whether the email exists or not', async () => {
    const user = await register();
    const wrongPassword = await api('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: 'wrong-password' },
    });
    const unknownEmail = await api('POST', '/api/v1/auth/login', {
      body: { email: uniqueEmail(), password: 'wrong-password' },
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body.message).toBe(wrongPassword.body.message);
    expect(unknownEmail.body.code).toBe(wrongPassword.body.code);
  });

  it('rejects operator-injection bodies with 400', async () => {
    const res = await api('POST', '/api/v1/auth/login', {
      body: { email: { $gt: '' }, password: { $ne: null } },
    });
    expect(res.status).toBe(400);
  });

  it('throttles an account after repeated failures: 429 with Retry-After, even for the right password', async () => {
    const user = await register();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const res = await api('POST', '/api/v1/auth/login', {
        body: { email: user.email, password: 'nope-nope' },
      });
      expect(res.status).toBe(401);
    }
    const blocked = await api('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: 'nope-nope' },
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    const rightPassword = await api('POST', '/api/v1/auth/login', {
      body: { email: ` ${user.email.toUpperCase()}`, password: PASSWORD },
    });
    expect(rightPassword.status).toBe(429);
  });

  it('resets the account counter after a successful login', async () => {
    const user = await register();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await api('POST', '/api/v1/auth/login', { body: { email: user.email, password: 'nope-nope' } });
    }
    await login(user.email);
    for (let attempt = 1; attempt <= 4; attempt++) {
      const res = await api('POST', '/api/v1/auth/login', {
        body: { email: user.email, password: 'nope-nope' },
      });
      expect(res.status).toBe(401);
    }
    await login(user.email);
  });
});

describe('auth: refresh', () => {
  it('rotates: a new pair, and the old refresh token is spent', async () => {
    const user = await register();
    const first = await login(user.email);
    const res = await api('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    expect(res.body.refreshToken).not.toBe(first.refreshToken);
    expect(claimsOf(res.body.accessToken)['sub']).toBe(user.id);
    const me = await api('GET', '/api/v1/auth/me', { token: res.body.accessToken });
    expect(me.status).toBe(200);
  });

  it('revokes the whole family when a spent refresh token is presented again', async () => {
    const user = await register();
    const first = await login(user.email);
    const second = await api('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    const replay = await api('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    const successor = await api('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: second.body.refreshToken },
    });
    expect(successor.status).toBe(401);
    // Another session of the same user is not affected.
    const other = await login(user.email);
    const otherRefresh = await api('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: other.refreshToken },
    });
    expect(otherRefresh.status).toBe(200);
  });

  it('answers 401 for an unknown refresh token and 400 for a malformed body', async () => {
    const unknown = await api('POST', '/api/v1/auth/refresh', { body: { refreshToken: 'x'.repeat(43) } });
    expect(unknown.status).toBe(401);
    const malformed = await api('POST', '/api/v1/auth/refresh', { body: { refreshToken: { $ne: '' } } });
    expect(malformed.status).toBe(400);
  });
});

describe('auth: logout and me', () => {
  it('GET /me returns the caller (200) and needs a token (401)', async () => {
    const user = await register();
    const { accessToken } = await login(user.email);
    const me = await api('GET', '/api/v1/auth/me', { token: accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: user.id,
      email: user.email,
      name: 'E2E Reader',
      roles: ['customer'],
    });
    expect(JSON.stringify(me.body)).not.toMatch(/password|hash/i);
    expect((await api('GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await api('GET', '/api/v1/auth/me', { token: 'not.a.jwt' })).status).toBe(401);
  });

  it('makes both the access token and the refresh token stop working at once (204)', async () => {
    const user = await register();
    const pair = await login(user.email);
    const out = await api('POST', '/api/v1/auth/logout', {
      token: pair.accessToken,
      body: { refreshToken: pair.refreshToken },
    });
    expect(out.status).toBe(204);
    expect((await api('GET', '/api/v1/auth/me', { token: pair.accessToken })).status).toBe(401);
    const refresh = await api('POST', '/api/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } });
    expect(refresh.status).toBe(401);
  });

  it('needs a bearer token (401) and a refresh token of the caller (401)', async () => {
    const alice = await login((await register()).email);
    const bob = await login((await register()).email);
    const anonymous = await api('POST', '/api/v1/auth/logout', {
      body: { refreshToken: alice.refreshToken },
    });
    expect(anonymous.status).toBe(401);
    const foreign = await api('POST', '/api/v1/auth/logout', {
      token: bob.accessToken,
      body: { refreshToken: alice.refreshToken },
    });
    expect(foreign.status).toBe(401);
    const stillAlive = await api('POST', '/api/v1/auth/refresh', {
      body: { refreshToken: alice.refreshToken },
    });
    expect(stillAlive.status).toBe(200);
  });
});

describe('auth: roles (admin)', () => {
  const adminEmail = process.env['ADMIN_EMAIL'] ?? 'admin@bookstore.local';
  const adminPassword = process.env['ADMIN_PASSWORD'] ?? 'ChangeMe123!';

  it('lets the seeded admin change roles (200); the new role shows in the next token', async () => {
    const admin = await login(adminEmail, adminPassword);
    expect(claimsOf(admin.accessToken)['roles']).toContain('admin');
    const user = await register();
    const res = await api('PATCH', `/api/v1/auth/users/${user.id}/roles`, {
      token: admin.accessToken,
      body: { roles: ['customer', 'admin'] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, email: user.email, roles: ['customer', 'admin'] });
    const promoted = await login(user.email);
    expect(claimsOf(promoted.accessToken)['roles']).toEqual(['customer', 'admin']);
  });

  it('answers 403 to a customer, 401 to nobody', async () => {
    const user = await register();
    const { accessToken } = await login(user.email);
    const path = `/api/v1/auth/users/${user.id}/roles`;
    const asCustomer = await api('PATCH', path, { token: accessToken, body: { roles: ['admin'] } });
    expect(asCustomer.status).toBe(403);
    expect((await api('PATCH', path, { body: { roles: ['admin'] } })).status).toBe(401);
  });

  it('answers 404 for unknown and malformed ids, 400 for invalid roles', async () => {
    const admin = await login(adminEmail, adminPassword);
    const patch = (id: string, roles: unknown) =>
      api('PATCH', `/api/v1/auth/users/${id}/roles`, { token: admin.accessToken, body: { roles } });
    expect((await patch('0123456789abcdef01234567', ['customer'])).status).toBe(404);
    expect((await patch('not-an-id', ['customer'])).status).toBe(404);
    const user = await register();
    expect((await patch(user.id, ['superuser'])).status).toBe(400);
    expect((await patch(user.id, [])).status).toBe(400);
    expect((await patch(user.id, 'admin')).status).toBe(400);
  });
});
