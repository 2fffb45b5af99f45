import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, NotEquals, ValidateNested } from 'class-validator';

import { BOOK_LIMITS } from './book-limits';
import { UpdateBookDto } from './update-book.dto';

/** RPC payload naming one book; a malformed id is answered as not found, never as a crash. */
export class BookIdRequest {
  @IsString()
  @MaxLength(64)
  id!: string;
}

/** RPC payload of `catalog.books.update`. */
export class UpdateBookRequest extends BookIdRequest {
  @ValidateNested()
  @Type(() => UpdateBookDto)
  changes!: UpdateBookDto;
}

/** RPC payload of `catalog.books.stock`. */
export class AdjustStockRequest extends BookIdRequest {
  @IsInt()
  @NotEquals(0)
  @Min(-BOOK_LIMITS.maxStock)
  @Max(BOOK_LIMITS.maxStock)
  delta!: number;
}
