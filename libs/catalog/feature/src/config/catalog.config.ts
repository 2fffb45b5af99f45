import { InfraConfig } from '@bookstore/shared/platform';
import { IsInt, IsString, Max, Min } from 'class-validator';

/** The catalog service's environment (README lists every variable and its default). */
export class CatalogConfig extends InfraConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  CATALOG_OPS_PORT = 9102;

  @IsString()
  CATALOG_MONGO_DB = 'bookstore_catalog';
}
