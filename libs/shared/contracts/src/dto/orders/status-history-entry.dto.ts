import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { OrderStatus } from './order-status';

/** One step of an order's life: the status it reached, when, and why when there is a reason. */
export class StatusHistoryEntryDto {
  @ApiProperty({ enum: OrderStatus, enumName: 'OrderStatus' })
  status!: OrderStatus;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiPropertyOptional({ example: 'Insufficient stock: Dune (requested 3, available 1)' })
  reason?: string;
}
