import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';

/** RPC payload of `catalog.books.lookup` (used by orders to price an order). */
export class LookupBooksRequest {
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ids!: string[];
}

/** What `catalog.books.lookup` returns per existing, non-deleted book. */
export class BookSummary {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  priceCents!: number;

  @ApiProperty()
  stock!: number;
}
