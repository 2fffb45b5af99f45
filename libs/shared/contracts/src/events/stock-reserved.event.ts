import { Type } from 'class-transformer';
import { ArrayMinSize, IsString, ValidateNested } from 'class-validator';

import { EventDoc } from './event-doc.decorator';
import { OrderLinePayload } from './order-line.payload';

export const STOCK_RESERVED = 'stock.reserved.v1' as const;

@EventDoc({
  summary: 'Every line of an order is reserved.',
  producer: 'catalog',
  consumers: ['orders', 'gateway'],
})
export class StockReservedPayload {
  @IsString()
  orderId!: string;

  @ValidateNested({ each: true })
  @Type(() => OrderLinePayload)
  @ArrayMinSize(1)
  items!: OrderLinePayload[];
}
