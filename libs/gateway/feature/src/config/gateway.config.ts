import { InfraConfig } from '@bookstore/shared/platform';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

import { IsTrustedProxies } from '../http/trusted-proxies';

/** The gateway's environment (README lists every variable and its default). */
export class GatewayConfig extends InfraConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  GATEWAY_PORT = 3000;

  @IsInt()
  @Min(1)
  @Max(65535)
  GATEWAY_OPS_PORT = 9100;

  /** Comma-separated origins allowed by CORS; empty allows none. */
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : value,
  )
  @IsString({ each: true })
  CORS_ORIGINS: string[] = ['http://localhost:3000'];

  /**
   * Proxies whose X-Forwarded-For the gateway believes (the client address feeds every rate limit):
   * comma-separated IPs/CIDRs, or a hop count. Default none: the client is the socket's peer.
   */
  @IsTrustedProxies()
  TRUSTED_PROXIES = '';

  /** How long the gateway waits for a service before answering 504. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  RPC_TIMEOUT_MS = 5000;

  /** How long the health endpoint waits for each service's readiness reply. */
  @IsInt()
  @Min(100)
  @Max(10_000)
  HEALTH_TIMEOUT_MS = 2000;

  /** Longest a book stays in the gateway's read cache, should an invalidation event be missed. */
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  BOOK_CACHE_TTL_MS = 60_000;

  /**
   * How often each gateway instance re-checks the access tokens of its open notification streams
   * against the denylist and the users' sessions marks (one Redis MGET), ending revoked ones:
   * the way a logout or a missed revocation event on another instance reaches a stream here.
   */
  @IsInt()
  @Min(200)
  @Max(60_000)
  STREAM_REVOCATION_CHECK_MS = 2000;

  /** Books kept in the gateway's read cache (least recently read go first); 0 turns it off. */
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  BOOK_CACHE_MAX_ENTRIES = 10_000;

  /**
   * The storefront's build (index.html and assets/), served at `/`. Empty: the `storefront` folder
   * beside the gateway's own build folder, where `nx build storefront` puts it (dist/apps, or
   * BOOKSTORE_DIST in a sandbox); the image sets it to where it copies the build.
   */
  @Matches(/^(\/.*)?$/, { message: 'must be an absolute path, or empty for the build beside the gateway' })
  STOREFRONT_DIR = '';
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
