import { ApiProperty } from '@nestjs/swagger';

/** One line of a stored order, with the title and price captured when it was placed. */
export class OrderItemDto {
  @ApiProperty({ example: '665f1c2e8b3e4a0012345678' })
  bookId!: string;

  @ApiProperty({ example: 'Dune' })
  title!: string;

  @ApiProperty({ minimum: 1, example: 2 })
  quantity!: number;

  @ApiProperty({ minimum: 0, example: 1299, description: 'Integer cents' })
  unitPriceCents!: number;
}
