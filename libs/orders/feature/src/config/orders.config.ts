import { InfraConfig } from '@bookstore/shared/platform';
import { IsInt, IsString, Max, Min } from 'class-validator';

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
   * How long an `Idempotency-Key` stays bound to its request and order; after that the key is free
   * again. The API promises at least 24 h, so less is refused at start.
   */
  @IsInt()
  @Min(24)
  @Max(24 * 30)
  ORDERS_IDEMPOTENCY_TTL_HOURS = 24;
}
