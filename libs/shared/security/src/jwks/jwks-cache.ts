import type { JwksDto } from '@bookstore/shared/contracts';
import { AUTH_PATTERNS } from '@bookstore/shared/contracts';
import type { RpcClient } from '@bookstore/shared/messaging';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Logger } from '@nestjs/common';

import type { TokenVerificationConfig } from '../config/token-verification.config';
import type { PublicKeySource } from '../verification/public-key-source';
import { jwksPublicKeys } from './jwks-public-keys';

/** Until the first successful fetch (auth may start after its callers), retry this often. */
const STARTUP_RETRY_MS = 2000;

export interface JwksCacheOptions {
  /** How often the public keys are fetched again from auth. */
  refreshIntervalSeconds: number;
  /** At most one fetch per this many seconds caused by unknown `kid`s (forged tokens are cheap). */
  minRefetchSeconds: number;
}

/**
 * The public keys that verify access tokens, fetched from the auth service over RPC (`auth.jwks`)
 * at start-up and periodically, and again (rate-limited) when a token names an unknown `kid`:
 * verification itself is local, with no call to auth per request. Until the first fetch succeeds,
 * a lookup waits for a fetch instead of refusing, so the first request after a start does not fail
 * while the keys load.
 */
export class JwksCache implements PublicKeySource, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JwksCache.name);
  /** Public keys by `kid`, as SPKI PEM. */
  private keys = new Map<string, string>();
  private lastFetchAt = 0;
  private fetching?: Promise<JwksDto>;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly rpc: RpcClient,
    private readonly options: JwksCacheOptions,
  ) {}

  /** The cache with the refresh settings every verifier reads from its token verification config. */
  static fromConfig(rpc: RpcClient, config: TokenVerificationConfig): JwksCache {
    return new JwksCache(rpc, {
      refreshIntervalSeconds: config.JWKS_REFRESH_INTERVAL_SECONDS,
      minRefetchSeconds: config.JWKS_MIN_REFETCH_SECONDS,
    });
  }

  onApplicationBootstrap(): void {
    this.scheduleRefresh(0);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** The key with this id; an unknown id triggers at most one refetch per `minRefetchSeconds`. */
  async keyFor(kid: string): Promise<string | undefined> {
    const known = this.keys.get(kid);
    if (known) return known;
    const since = Date.now() - this.lastFetchAt;
    if (this.fetching || !this.keys.size || since >= this.options.minRefetchSeconds * 1000) {
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
    this.keys = jwksPublicKeys(jwks);
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
            this.keys.size ? this.options.refreshIntervalSeconds * 1000 : STARTUP_RETRY_MS,
          ),
        );
    }, delayMs);
    this.timer.unref();
  }
}
