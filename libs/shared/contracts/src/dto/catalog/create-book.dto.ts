import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { BOOK_LIMITS } from './book-limits';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** ISBN-10 or ISBN-13, digits with optional hyphens or spaces; the checksum is verified by the catalog. */
export const ISBN_SHAPE = /^(?:[0-9][0-9 -]{8,15}[0-9Xx])$/;

/** `POST /books` (admin). */
export class CreateBookDto {
  @ApiProperty({ maxLength: BOOK_LIMITS.title, example: 'The Pragmatic Programmer' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(BOOK_LIMITS.title)
  title!: string;

  @ApiProperty({ maxLength: BOOK_LIMITS.author, example: 'Andrew Hunt, David Thomas' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(BOOK_LIMITS.author)
  author!: string;

  @ApiProperty({
    example: '978-0-13-595705-9',
    description: 'ISBN-10 or ISBN-13 (hyphens allowed); stored as a 13-digit ISBN',
  })
  @IsString()
  @Matches(ISBN_SHAPE, { message: 'isbn must be an ISBN-10 or ISBN-13' })
  isbn!: string;

  @ApiPropertyOptional({ maxLength: BOOK_LIMITS.description, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(BOOK_LIMITS.description)
  description?: string;

  @ApiPropertyOptional({ type: [String], maxItems: BOOK_LIMITS.genres, example: ['programming'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(BOOK_LIMITS.genres)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(BOOK_LIMITS.genre, { each: true })
  genres?: string[];

  @ApiProperty({ minimum: 0, maximum: BOOK_LIMITS.maxPriceCents, example: 4299 })
  @IsInt()
  @Min(0)
  @Max(BOOK_LIMITS.maxPriceCents)
  priceCents!: number;

  @ApiPropertyOptional({ minimum: 0, maximum: BOOK_LIMITS.maxStock, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(BOOK_LIMITS.maxStock)
  stock?: number;
}
