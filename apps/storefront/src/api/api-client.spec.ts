import { ApiClient, ApiError } from './api-client';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe('ApiClient', () => {
  const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>();
  let token = 'old';
  const refresh = jest.fn(async () => {
    token = 'new';
    return true;
  });
  const client = new ApiClient('/api/v1');
  client.useTokens({ accessToken: () => token, refresh });

  beforeEach(() => {
    token = 'old';
    fetchMock.mockReset();
    refresh.mockClear();
    global.fetch = fetchMock as unknown as typeof fetch;
  });

  const authorizationOf = (call: number) =>
    (fetchMock.mock.calls[call]?.[1].headers as Record<string, string>)['Authorization'];

  it('sends JSON with the bearer token and the query string', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { ok: true }));
    await expect(
      client.request('/books', { method: 'POST', body: { a: 1 }, query: { page: 2, q: '' } }),
    ).resolves.toEqual({
      ok: true,
    });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/books?page=2');
    expect(init?.body).toBe('{"a":1}');
    expect(authorizationOf(0)).toBe('Bearer old');
  });

  it('on a 401 refreshes once and retries with the new token', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, { message: 'expired' }))
      .mockResolvedValueOnce(json(200, { id: 'me' }));
    await expect(client.get('/auth/me')).resolves.toEqual({ id: 'me' });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(authorizationOf(1)).toBe('Bearer new');
  });

  it('does not loop: a second 401 is the answer', async () => {
    fetchMock.mockResolvedValue(json(401, { message: 'Unauthorized', correlationId: 'c' }));
    await expect(client.get('/auth/me')).rejects.toMatchObject({ status: 401, correlationId: 'c' });
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('never refreshes for calls made without auth', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { message: 'Invalid credentials' }));
    await expect(
      client.request('/auth/login', { method: 'POST', body: {}, auth: false }),
    ).rejects.toMatchObject({
      status: 401,
      message: 'Invalid credentials',
    });
    expect(refresh).not.toHaveBeenCalled();
    expect(authorizationOf(0)).toBeUndefined();
  });

  it('turns a network failure into a readable ApiError with status 0', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const error: unknown = await client.get('/books').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0 });
  });

  it('reads a non-JSON error answer by its status', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response('<html>bad gateway</html>', { status: 503, headers: { 'x-correlation-id': 'h' } }),
    );
    await expect(client.get('/books')).rejects.toMatchObject({ status: 503, correlationId: 'h' });
  });

  it('turns a success answer that is not JSON into a readable ApiError', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<!doctype html>', { status: 200 }));
    await expect(client.get('/books')).rejects.toMatchObject({
      status: 200,
      message: expect.stringMatching(/cannot read/),
    });
  });

  it('resolves undefined for 204', async () => {
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await expect(client.post('/auth/logout', {})).resolves.toBeUndefined();
  });
});
