import { IsISO8601, IsNotEmpty, IsObject, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * What travels on the `bookstore.events` topic exchange. `type` equals the routing key;
 * `eventId` is what consumers deduplicate on.
 */
export class EventEnvelope<T extends object = object> {
  @IsUUID()
  eventId!: string;

  @IsString()
  @IsNotEmpty()
  type!: string;

  @IsISO8601()
  occurredAt!: string;

  @IsString()
  @MaxLength(128)
  correlationId!: string;

  @IsObject()
  payload!: T;
}
