import { ApiProperty } from '@nestjs/swagger';

import type { Page } from '../common/page';
import { BookDto } from './book.dto';

/** One page of books. */
export class BookPageDto implements Page<BookDto> {
  @ApiProperty({ type: [BookDto] })
  items!: BookDto[];

  @ApiProperty({ example: 57 })
  total!: number;

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  limit!: number;
}
