import { ApiError } from '../api/api-error';
import type { TokenPair } from '../api/types';
import { TokenStore } from './token-store';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

const pair = (n: number): TokenPair => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  tokenType: 'Bearer',
  expiresIn: 900,
  refreshExpiresIn: 604800,
});

describe('TokenStore', () => {
  it('renews once for every caller waiting at the same time (refresh tokens are single-use)', async () => {
    const storage = new MemoryStorage();
    let n = 1;
    const renew = jest.fn(async (_refreshToken: string) => pair(++n));
    const store = new TokenStore(renew, storage);
    store.set(pair(1));
    const results = await Promise.all([store.refresh(), store.refresh(), store.refresh()]);
    expect(results).toEqual([true, true, true]);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(renew).toHaveBeenCalledWith('refresh-1');
    expect(store.accessToken()).toBe('access-2');
    expect(storage.getItem('bookstore.refreshToken')).toBe('refresh-2');
  });

  it('ends the session when the API refuses the refresh token', async () => {
    const storage = new MemoryStorage();
    const store = new TokenStore(async () => Promise.reject(new ApiError('spent', 401)), storage);
    const signedOut = jest.fn();
    store.onSignedOut(signedOut);
    store.set(pair(1));
    await expect(store.refresh()).resolves.toBe(false);
    expect(store.accessToken()).toBeUndefined();
    expect(store.refreshToken()).toBeUndefined();
    expect(signedOut).toHaveBeenCalledTimes(1);
  });

  it('keeps the refresh token when the network failed (the session may still be good)', async () => {
    const storage = new MemoryStorage();
    const store = new TokenStore(async () => Promise.reject(new ApiError('offline', 0)), storage);
    store.set(pair(1));
    await expect(store.refresh()).rejects.toMatchObject({ status: 0 });
    expect(store.refreshToken()).toBe('refresh-1');
  });

  it('has nothing to renew without a refresh token', async () => {
    const renew = jest.fn();
    await expect(new TokenStore(renew, new MemoryStorage()).refresh()).resolves.toBe(false);
    expect(renew).not.toHaveBeenCalled();
  });
});
