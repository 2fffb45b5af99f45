import { createPublicKey } from 'node:crypto';

import type { JwksDto } from '@bookstore/shared/contracts';
import { AUTH_PATTERNS } from '@bookstore/shared/contracts';
import { RpcClient } from '@bookstore/shared/messaging';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';

import type { AuthRoutesConfig } from './auth-routes.config';
import { AUTH_ROUTES_CONFIG } from './auth-routes.tokens';

/** Until the first successful fetch (auth may start after the gateway), retry this often. */
const STARTUP_RETRY_MS = 2000;

/**
 * The public keys that verify access tokens, fetched from the auth service over RPC at start-up
 * and periodically, and again (rate-limited) when a token names an unknown `kid`: verification
 * itself is local, with no call to auth per request.
 */
@Injectable()
export class JwksCache implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JwksCache.name);
  /** Public keys by `kid`, as SPKI PEM (the key form JwtService.verifyAsync takes). */
  private keys = new Map<string, string>();
  private lastFetchAt = 0;
  private fetching?: Promise<JwksDto>;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(AUTH_ROUTES_CONFIG) private readonly config: AuthRoutesConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.scheduleRefresh(0);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** The key with this id; an unknown id triggers at most one refetch per JWKS_MIN_REFETCH_SECONDS. */
  async keyFor(kid: string): Promise<string | undefined> {
    const known = this.keys.get(kid);
    if (known) return known;
    const since = Date.now() - this.lastFetchAt;
    if (this.fetching || since >= this.config.JWKS_MIN_REFETCH_SECONDS * 1000) {
      await this.fetch().catch(() => undefined);
    }
    return this.keys.get(kid);
  }

  /** Fetches the current JWKS from auth and replaces the cached keys with it. */
  fetch(): Promise<JwksDto> {
    this.fetching ??= this.load().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  private async load(): Promise<JwksDto> {
    this.lastFetchAt = Date.now();
    const jwks = await this.rpc.send<JwksDto>('auth', AUTH_PATTERNS.jwks, {});
    const keys = new Map<string, string>();
    for (const jwk of jwks.keys ?? []) {
      if (jwk.kty !== 'RSA' || jwk.alg !== 'RS256' || !jwk.n || !jwk.e) continue;
      const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
      keys.set(jwk.kid, key.export({ type: 'spki', format: 'pem' }).toString());
    }
    this.keys = keys;
    return jwks;
  }

  private scheduleRefresh(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.fetch()
        .catch((error: unknown) => {
          this.logger.warn({ msg: 'fetching the JWKS from auth failed', error: String(error) });
        })
        .finally(() =>
          this.scheduleRefresh(
            this.keys.size ? this.config.JWKS_REFRESH_INTERVAL_SECONDS * 1000 : STARTUP_RETRY_MS,
          ),
        );
    }, delayMs);
    this.timer.unref();
  }
}
