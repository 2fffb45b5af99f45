import { Type } from 'class-transformer';
import { IsString, ValidateNested } from 'class-validator';

import { EventDoc } from './event-doc.decorator';
import { OrderLinePayload } from './order-line.payload';

export const STOCK_RELEASED = 'stock.released.v1' as const;

@EventDoc({
  summary: 'What an order had reserved went back to stock (no items when nothing was reserved).',
  producer: 'catalog',
  consumers: ['gateway'],
})
export class StockReleasedPayload {
  @IsString()
  orderId!: string;

  @ValidateNested({ each: true })
  @Type(() => OrderLinePayload)
  items!: OrderLinePayload[];
}
