import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, NotEquals } from 'class-validator';

import { BOOK_LIMITS } from './book-limits';

/** `POST /books/:id/stock` (admin): a restock (> 0) or a write-off (< 0); stock never goes below 0. */
export class AdjustStockDto {
  @ApiProperty({ example: 10, description: 'Non-zero integer added to the stock' })
  @IsInt()
  @NotEquals(0)
  @Min(-BOOK_LIMITS.maxStock)
  @Max(BOOK_LIMITS.maxStock)
  delta!: number;
}
