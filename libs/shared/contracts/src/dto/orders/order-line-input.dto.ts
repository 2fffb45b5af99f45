import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsMongoId, Max, Min } from 'class-validator';

export const MAX_LINE_QUANTITY = 100;

/** One requested line of a new order. */
export class OrderLineInputDto {
  @ApiProperty({ example: '665f1c2e8b3e4a0012345678', description: 'Id of a catalog book' })
  @IsMongoId()
  bookId!: string;

  @ApiProperty({ minimum: 1, maximum: MAX_LINE_QUANTITY, example: 2 })
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity!: number;
}
