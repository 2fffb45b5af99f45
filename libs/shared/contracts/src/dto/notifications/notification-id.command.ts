import { IsString, MaxLength } from 'class-validator';

/** RPC payload naming one notification; a malformed id is a 404 decided by the service. */
export class NotificationIdCommand {
  @IsString()
  @MaxLength(64)
  id!: string;
}
