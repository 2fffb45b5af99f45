import { Type } from 'class-transformer';
import { IsString, ValidateNested } from 'class-validator';

import { OrderLinePayload } from './order-line.payload';

export const STOCK_RELEASED = 'stock.released.v1' as const;

/** What an order had reserved went back to stock (empty when nothing was reserved). */
export class StockReleasedPayload {
  @IsString()
  orderId!: string;

  @ValidateNested({ each: true })
  @Type(() => OrderLinePayload)
  items!: OrderLinePayload[];
}
