import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { OrderItemDto } from './order-item.dto';
import { OrderStatus } from './order-status';
import { StatusHistoryEntryDto } from './status-history-entry.dto';

/** An order as the API returns it. */
export class OrderDto {
  @ApiProperty({ example: '665f1c2e8b3e4a0012345679' })
  id!: string;

  @ApiProperty({ example: '665f1c2e8b3e4a0012345670' })
  userId!: string;

  @ApiProperty({ enum: OrderStatus, enumName: 'OrderStatus' })
  status!: OrderStatus;

  @ApiProperty({ type: [OrderItemDto] })
  items!: OrderItemDto[];

  @ApiProperty({ minimum: 0, example: 2598, description: 'Integer cents' })
  totalCents!: number;

  @ApiPropertyOptional({ description: 'Why the order was rejected or cancelled, when it was' })
  reason?: string;

  @ApiProperty({ type: [StatusHistoryEntryDto] })
  statusHistory!: StatusHistoryEntryDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
