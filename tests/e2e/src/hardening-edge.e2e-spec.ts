import type { ApiResponse } from '@bookstore/shared/testing';
import { api, gatewayUrl, registerCustomer, unique, uniqueEmail } from '@bookstore/shared/testing';

/**
 * Issue 12, item 1: nothing a client sends may cause a 500, and what the gateway's edge refuses is
 * answered in the shared error shape before validation or a service sees it. Each case here was a
 * 500, a success, a megabyte of messages or Fastify's own error body before the edge checks.
 */

/** `{"items": …}` with `levels` containers in all, the outer object included. */
function nestedOrderBody(levels: number): string {
  return `{"items":${'['.repeat(levels - 1)}0${']'.repeat(levels - 1)}}`;
}

/** The shared error shape with the correlation id the request carried, and the edge's code. */
function expectRefused(res: ApiResponse, status: number, correlationId: string, code?: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({
    statusCode: status,
    error: expect.any(String),
    message: expect.any(String),
    correlationId,
    ...(code ? { code } : {}),
  });
  expect(res.headers.get('x-correlation-id')).toBe(correlationId);
}

/** POSTs raw bytes (the test client would encode a string as UTF-8). */
async function postBytes(path: string, bytes: Buffer, correlationId: string): Promise<ApiResponse> {
  const res = await fetch(`${gatewayUrl()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
    body: bytes,
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), headers: res.headers };
}

describe('hardening: the edge refuses what a client cannot mean, never with a 500', () => {
  let token: string;

  beforeAll(async () => {
    token = (await registerCustomer('Edge Tester')).token;
  });

  const postOrder = (raw: string, correlationId: string) =>
    api('POST', '/api/v1/orders', { token, raw, headers: { 'x-correlation-id': correlationId } });

  it('answers a JSON body nested 5,000 levels deep with 400, not a stack overflow', async () => {
    const correlationId = unique('edge-deep');
    const res = await postOrder(nestedOrderBody(5_000), correlationId);
    expectRefused(res, 400, correlationId, 'REQUEST.BODY_TOO_DEEP');
  });

  it('refuses from the 33rd level on; 32 levels pass the depth check and meet validation', async () => {
    const tooDeep = unique('edge-33');
    expectRefused(await postOrder(nestedOrderBody(33), tooDeep), 400, tooDeep, 'REQUEST.BODY_TOO_DEEP');

    const deepest = await postOrder(nestedOrderBody(32), unique('edge-32'));
    expect(deepest.status).toBe(400);
    expect(deepest.body.code).toBeUndefined();
    // class-validator's own messages about the lines: the body was parsed and validated.
    expect(deepest.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^items/)]));
  });

  it('refuses 50,000 tiny array elements in a body under 100 kB with one short 400', async () => {
    // 50,000 is the most a 100 kB body can hold ("0," each); validated one by one, they answered
    // one message each, almost a megabyte.
    const raw = JSON.stringify({ items: new Array(50_000).fill(0) });
    expect(raw.length).toBeLessThan(100 * 1024);
    const correlationId = unique('edge-wide');
    const res = await postOrder(raw, correlationId);
    expectRefused(res, 400, correlationId, 'REQUEST.BODY_TOO_MANY_ELEMENTS');
    expect(JSON.stringify(res.body).length).toBeLessThan(1_000);
  });

  it.each([
    ['NUL in the search text', '/api/v1/books?q=a%00b', 'REQUEST.NUL_CHARACTER'],
    ['NUL in a filter', '/api/v1/books?genre=%00', 'REQUEST.NUL_CHARACTER'],
    ['a lone continuation byte', '/api/v1/books?q=%FF', 'REQUEST.INVALID_UTF8'],
    ['a broken two-byte sequence', '/api/v1/books?q=%C3%28', 'REQUEST.INVALID_UTF8'],
    ['invalid UTF-8 on a route without query parameters', '/api/v1/health?x=%FF', 'REQUEST.INVALID_UTF8'],
  ])('answers a query string with %s with 400', async (_what, path, code) => {
    const correlationId = unique('edge-query');
    const res = await api('GET', path, { headers: { 'x-correlation-id': correlationId } });
    expectRefused(res, 400, correlationId, code);
  });

  it.each(['0x10', '1e2'])('answers page=%s with 400 instead of reading it as a number', async (page) => {
    const res = await api('GET', `/api/v1/books?page=${page}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('page must be an integer number');
  });

  it('answers a NUL in a body string with 400 instead of storing it', async () => {
    const correlationId = unique('edge-nul-body');
    const res = await api('POST', '/api/v1/auth/register', {
      body: { email: uniqueEmail(), password: 'Str0ng-Passw0rd!', name: 'Null\u0000Byte' },
      headers: { 'x-correlation-id': correlationId },
    });
    expectRefused(res, 400, correlationId, 'REQUEST.NUL_CHARACTER');
  });

  it('answers a body that is not UTF-8 with 400 instead of storing U+FFFD', async () => {
    const correlationId = unique('edge-utf8-body');
    const bytes = Buffer.concat([
      Buffer.from(`{"email":"${uniqueEmail()}","password":"Str0ng-Passw0rd!","name":"Bad `),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const res = await postBytes('/api/v1/auth/register', bytes, correlationId);
    expectRefused(res, 400, correlationId, 'REQUEST.INVALID_UTF8');
  });

  it('answers a path that does not decode with 400 in the shared shape', async () => {
    const correlationId = unique('edge-path');
    const res = await api('GET', '/api/v1/books/%FF', { headers: { 'x-correlation-id': correlationId } });
    expectRefused(res, 400, correlationId, 'REQUEST.INVALID_URL');
  });

  it('answers an id too long for the router with 404 in the shared shape, like any malformed id', async () => {
    const correlationId = unique('edge-long-id');
    const res = await api('GET', `/api/v1/books/${'a'.repeat(5_000)}`, {
      headers: { 'x-correlation-id': correlationId },
    });
    expectRefused(res, 404, correlationId, 'REQUEST.PATH_PARAM_TOO_LONG');
  });
});
