import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A parked event: one that kept failing (or was poison) and waits for an operator. */
export class DeadLetterDto {
  @ApiProperty({ example: 'orders.5b2f3c9e-8d1a-4f7e-9c3b-2a1d0e9f8b7c', description: 'service.messageId' })
  id!: string;

  @ApiProperty({ example: 'stock.reserved.v1', description: 'The event type (its routing key)' })
  type!: string;

  @ApiProperty({ example: 'orders.events.dlq', description: 'The dead-letter queue it was parked in' })
  queue!: string;

  @ApiProperty({ minimum: 1, description: 'Deliveries that failed before it was parked' })
  attempts!: number;

  @ApiProperty({ description: 'Why its last delivery failed' })
  lastError!: string;

  @ApiPropertyOptional()
  correlationId?: string;

  @ApiProperty({ format: 'date-time' })
  parkedAt!: string;
}

/** One parked event with the message it carries (`show`). */
export class DeadLetterDetailDto extends DeadLetterDto {
  @ApiProperty({ description: 'The message body as it was delivered (Nest wire format)', type: Object })
  message!: unknown;
}
