import { Type } from 'class-transformer';
import { IsInt, IsMongoId, IsString, Min, ValidateNested } from 'class-validator';

import { EventDoc } from './event-doc.decorator';

export const STOCK_REJECTED = 'stock.rejected.v1' as const;

/** A line the catalog could not reserve: nothing of the order stays reserved. */
export class ShortLinePayload {
  @IsMongoId()
  bookId!: string;

  @IsInt()
  @Min(1)
  requested!: number;

  @IsInt()
  @Min(0)
  available!: number;
}

@EventDoc({
  summary: 'An order could not be reserved: nothing of it stays reserved.',
  producer: 'catalog',
  consumers: ['orders'],
})
export class StockRejectedPayload {
  @IsString()
  orderId!: string;

  @ValidateNested({ each: true })
  @Type(() => ShortLinePayload)
  shortLines!: ShortLinePayload[];

  @IsString()
  reason!: string;
}
