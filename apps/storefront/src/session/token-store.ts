import type { TokenSource } from '../api/api-client';
import { ApiError } from '../api/api-error';
import type { TokenPair } from '../api/types';

/**
 * Where the refresh token lives between visits. Trade-off: localStorage keeps you logged in across
 * reloads and tabs, but any script running on the page could read it. What guards it is the strict
 * Content-Security-Policy the gateway sends with the storefront (script-src 'self', no inline
 * scripts): no injected script runs. The access token stays in memory only, and the refresh token
 * is single-use (a stolen, already spent one revokes its whole family).
 */
const REFRESH_TOKEN_KEY = 'bookstore.refreshToken';
/** Tabs share the refresh token: renewing it is serialised across them (Web Locks) under this name. */
const REFRESH_LOCK = 'bookstore.refresh';

/** Renews a token pair from a refresh token (POST /auth/refresh), rejecting when refused. */
export type Renew = (refreshToken: string) => Promise<TokenPair>;

/** The session's tokens: the access token in memory, the refresh token in localStorage. */
export class TokenStore implements TokenSource {
  private access?: string;
  private refreshing?: Promise<boolean>;
  private readonly listeners = new Set<(signedIn: boolean) => void>();

  constructor(
    private readonly renew: Renew,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = localStorage,
  ) {}

  accessToken(): string | undefined {
    return this.access;
  }

  refreshToken(): string | undefined {
    return this.storage.getItem(REFRESH_TOKEN_KEY) ?? undefined;
  }

  /** Stores a pair from login or refresh. */
  set(pair: TokenPair): void {
    this.access = pair.accessToken;
    this.storage.setItem(REFRESH_TOKEN_KEY, pair.refreshToken);
  }

  /** Forgets both tokens (logout, or a refresh the API refused) and tells the session. */
  clear(): void {
    const had = this.access !== undefined || this.refreshToken() !== undefined;
    this.access = undefined;
    this.storage.removeItem(REFRESH_TOKEN_KEY);
    if (had) this.listeners.forEach((listener) => listener(false));
  }

  /**
   * Logging out in one tab logs out every tab: the refresh token they share is gone, so this tab
   * drops its access token too. Returns the function that stops listening.
   */
  followOtherTabs(): () => void {
    const onStorage = (event: StorageEvent) => {
      // key null: the whole storage was cleared in the other tab.
      if (event.key === null || (event.key === REFRESH_TOKEN_KEY && event.newValue === null)) this.clear();
    };
    addEventListener('storage', onStorage);
    return () => removeEventListener('storage', onStorage);
  }

  /** Called when the tokens are dropped because they no longer work. */
  onSignedOut(listener: (signedIn: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Renews the pair once for every caller waiting at the same time (single-flight): a refresh token
   * is single-use, so two parallel refreshes would make the API revoke the session.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.refreshAcrossTabs().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async refreshAcrossTabs(): Promise<boolean> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return locks ? locks.request(REFRESH_LOCK, () => this.refreshNow()) : this.refreshNow();
  }

  private async refreshNow(): Promise<boolean> {
    // Read inside the lock: another tab may just have rotated it.
    const refreshToken = this.refreshToken();
    if (!refreshToken) return false;
    try {
      this.set(await this.renew(refreshToken));
      return true;
    } catch (error) {
      // Refused (spent, revoked, expired): the session is over. A network error keeps the token.
      if (error instanceof ApiError && error.status === 0) throw error;
      this.clear();
      return false;
    }
  }
}
