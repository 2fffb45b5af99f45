import { Type } from 'class-transformer';
import { IsInt, IsMongoId, IsOptional, IsString, Min, ValidateNested } from 'class-validator';

import { PricedOrderLinePayload } from './order-line.payload';

/** Common shape of the events that announce an order's new status. */
export class OrderStatusChangedPayload {
  @IsString()
  orderId!: string;

  @IsMongoId()
  userId!: string;

  @IsInt()
  @Min(0)
  totalCents!: number;

  @ValidateNested({ each: true })
  @Type(() => PricedOrderLinePayload)
  items!: PricedOrderLinePayload[];

  @IsOptional()
  @IsString()
  reason?: string;
}
