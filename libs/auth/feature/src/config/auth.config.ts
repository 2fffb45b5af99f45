import { InfraConfig } from '@bookstore/shared/platform';
import { IsInt, IsString, Max, Min } from 'class-validator';

/** The auth service's environment (README lists every variable and its default). */
export class AuthConfig extends InfraConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  AUTH_OPS_PORT = 9101;

  @IsString()
  AUTH_MONGO_DB = 'bookstore_auth';
}
