import { InfraConfig } from '@bookstore/shared/platform';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

/** The orders service's environment (README lists every variable and its default). */
export class OrdersConfig extends InfraConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  ORDERS_OPS_PORT = 9103;

  @IsString()
  ORDERS_MONGO_DB = 'bookstore_orders';

  /** How long placing an order waits for the catalog's book lookup. */
  @IsInt()
  @Min(100)
  @Max(60_000)
  CATALOG_RPC_TIMEOUT_MS = 4000;

  /**
   * Whether only customers with a verified e-mail address may place orders (the access token's
   * `email_verified`). Unset: on when NODE_ENV=production, off otherwise (see `requiresVerifiedEmail`).
   */
  @IsOptional()
  @IsBoolean()
  ORDERS_REQUIRE_VERIFIED_EMAIL?: boolean;

  /**
   * How long an `Idempotency-Key` stays bound to its request and order; after that the key is free
   * again. The API promises at least 24 h, so less is refused at start.
   */
  @IsInt()
  @Min(24)
  @Max(24 * 30)
  ORDERS_IDEMPOTENCY_TTL_HOURS = 24;

  /**
   * The saga deadline: an order still PENDING this long after it was placed becomes REJECTED with
   * reason `timeout` and its stock goes back. Longer than the retry tiers' first steps, so an event
   * retried through an outage still settles the order.
   */
  @IsInt()
  @Min(1000)
  @Max(7 * 24 * 3600_000)
  ORDERS_SAGA_DEADLINE_MS = 15 * 60_000;

  /** How often the deadline is checked: a quarter of the deadline, at most every 30 s. */
  sweepIntervalMs(): number {
    return Math.max(250, Math.min(30_000, Math.floor(this.ORDERS_SAGA_DEADLINE_MS / 4)));
  }

  /** ORDERS_REQUIRE_VERIFIED_EMAIL, or its default for this NODE_ENV. */
  requiresVerifiedEmail(): boolean {
    return this.ORDERS_REQUIRE_VERIFIED_EMAIL ?? this.NODE_ENV === 'production';
  }
}
