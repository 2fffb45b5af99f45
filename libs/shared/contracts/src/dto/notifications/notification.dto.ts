import { ApiProperty } from '@nestjs/swagger';

/** A notification as the API returns it. */
export class NotificationDto {
  @ApiProperty({ example: '665f1c2e8b3e4a0012345680' })
  id!: string;

  @ApiProperty({ example: 'order.confirmed', description: 'The event that caused it, without version' })
  type!: string;

  @ApiProperty({ example: 'Your order is confirmed' })
  title!: string;

  @ApiProperty({ example: 'We reserved every book of order 665f…; total 25.98.' })
  body!: string;

  @ApiProperty()
  read!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What the client needs to link it, e.g. `orderId`',
  })
  data!: Record<string, unknown>;
}
