import { InfraConfig } from '@bookstore/shared/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['true', '1', 'yes'].includes(value.trim().toLowerCase()) : value;

/** The catalog service's environment (README lists every variable and its default). */
export class CatalogConfig extends InfraConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  CATALOG_OPS_PORT = 9102;

  @IsString()
  CATALOG_MONGO_DB = 'bookstore_catalog';

  /** Seed the demo books into an empty catalog at start; unset means "only when NODE_ENV=development". */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  CATALOG_SEED_DEMO?: boolean;

  /** The demo books (relative to the working directory). */
  @IsString()
  CATALOG_SEED_FILE = 'tools/seed/books.json';

  /** How long a cached book or list page lives (the version keys make it fresh anyway). */
  @IsInt()
  @Min(1000)
  @Max(86_400_000)
  CATALOG_CACHE_TTL_MS = 300_000;

  /** A cache call slower than this is abandoned and the read goes to MongoDB. */
  @IsInt()
  @Min(10)
  @Max(5000)
  CATALOG_CACHE_TIMEOUT_MS = 250;

  /**
   * How long an admin's `Idempotency-Key` on a stock adjustment stays bound to it; after that the
   * key is free again. The API promises at least 24 h, so less is refused at start.
   */
  @IsInt()
  @Min(24)
  @Max(24 * 30)
  CATALOG_IDEMPOTENCY_TTL_HOURS = 24;
}

/** Whether this configuration asks for the demo books. */
export function shouldSeedDemo(config: CatalogConfig): boolean {
  return config.CATALOG_SEED_DEMO ?? config.NODE_ENV === 'development';
}
