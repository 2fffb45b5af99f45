import { InfraConfig } from '@bookstore/shared/platform';
import { IsInt, IsString, Max, Min } from 'class-validator';

/** The notifications service's environment (README lists every variable and its default). */
export class NotificationsConfig extends InfraConfig {
  @IsInt()
  @Min(1)
  @Max(65535)
  NOTIFICATIONS_OPS_PORT = 9104;

  @IsString()
  NOTIFICATIONS_MONGO_DB = 'bookstore_notifications';
}
