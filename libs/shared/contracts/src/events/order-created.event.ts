import { Type } from 'class-transformer';
import { ArrayMinSize, IsInt, IsMongoId, IsString, Min, ValidateNested } from 'class-validator';

import { PricedOrderLinePayload } from './order-line.payload';

export const ORDER_CREATED = 'order.created.v1' as const;

/** Starts the saga: the catalog reserves every line or none. */
export class OrderCreatedPayload {
  @IsString()
  orderId!: string;

  @IsMongoId()
  userId!: string;

  @ValidateNested({ each: true })
  @Type(() => PricedOrderLinePayload)
  @ArrayMinSize(1)
  items!: PricedOrderLinePayload[];

  @IsInt()
  @Min(0)
  totalCents!: number;
}
