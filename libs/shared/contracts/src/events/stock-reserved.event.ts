import { Type } from 'class-transformer';
import { ArrayMinSize, IsString, ValidateNested } from 'class-validator';

import { OrderLinePayload } from './order-line.payload';

export const STOCK_RESERVED = 'stock.reserved.v1' as const;

/** Every line of the order is reserved. */
export class StockReservedPayload {
  @IsString()
  orderId!: string;

  @ValidateNested({ each: true })
  @Type(() => OrderLinePayload)
  @ArrayMinSize(1)
  items!: OrderLinePayload[];
}
