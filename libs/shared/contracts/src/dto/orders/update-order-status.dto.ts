import { ApiProperty } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';

import { OrderStatus } from './order-status';

/** Body of `PATCH /orders/:id/status`; only CONFIRMED → SHIPPED → DELIVERED is allowed. */
export class UpdateOrderStatusDto {
  @ApiProperty({ enum: OrderStatus, enumName: 'OrderStatus', example: OrderStatus.Shipped })
  @IsEnum(OrderStatus)
  status!: OrderStatus;
}
