import { Type } from 'class-transformer';
import {
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  NotEquals,
  ValidateNested,
} from 'class-validator';

import { IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_RULE } from '../common/idempotency-key';
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

/**
 * RPC payload of `catalog.books.stock`, with the admin's optional `Idempotency-Key` (the admin is
 * the actor). The reply is an `IdempotentReply<BookDto>`.
 */
export class AdjustStockRequest extends BookIdRequest {
  @IsInt()
  @NotEquals(0)
  @Min(-BOOK_LIMITS.maxStock)
  @Max(BOOK_LIMITS.maxStock)
  delta!: number;

  @IsOptional()
  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN, { message: IDEMPOTENCY_KEY_RULE })
  idempotencyKey?: string;
}
