import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

import { PaginationQuery } from '../common/pagination.query';
import { QueryInt } from '../common/query-int';
import { BOOK_LIMITS } from './book-limits';

export const BOOK_SORTS = [
  'title',
  '-title',
  'priceCents',
  '-priceCents',
  'createdAt',
  '-createdAt',
] as const;
export type BookSort = (typeof BOOK_SORTS)[number];

/** `GET /books`: search, filters, sort and page. */
export class ListBooksQuery extends PaginationQuery {
  @ApiPropertyOptional({ maxLength: BOOK_LIMITS.query, description: 'Searches title, author, description' })
  @IsOptional()
  @IsString()
  @MaxLength(BOOK_LIMITS.query)
  q?: string;

  @ApiPropertyOptional({ maxLength: BOOK_LIMITS.author, description: 'Author contains (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(BOOK_LIMITS.author)
  author?: string;

  @ApiPropertyOptional({ maxLength: BOOK_LIMITS.genre, description: 'Has this genre (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(BOOK_LIMITS.genre)
  genre?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: BOOK_LIMITS.maxPriceCents })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(0)
  @Max(BOOK_LIMITS.maxPriceCents)
  minPriceCents?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: BOOK_LIMITS.maxPriceCents })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(0)
  @Max(BOOK_LIMITS.maxPriceCents)
  maxPriceCents?: number;

  @ApiPropertyOptional({ enum: BOOK_SORTS, default: 'title' })
  @IsOptional()
  @IsIn(BOOK_SORTS)
  sort?: BookSort;
}
