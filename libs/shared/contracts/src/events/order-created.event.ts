import { Type } from 'class-transformer';
import { ArrayMinSize, IsInt, IsMongoId, IsString, Min, ValidateNested } from 'class-validator';

import { EventDoc } from './event-doc.decorator';
import { PricedOrderLinePayload } from './order-line.payload';

export const ORDER_CREATED = 'order.created.v1' as const;

@EventDoc({
  summary: 'An order was placed: the saga starts.',
  description: 'The catalog reserves every line or none and answers with stock.reserved or stock.rejected.',
  producer: 'orders',
  consumers: ['catalog'],
})
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
