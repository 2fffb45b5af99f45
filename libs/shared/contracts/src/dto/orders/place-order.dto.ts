import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, ValidateNested } from 'class-validator';

import { OrderLineInputDto } from './order-line-input.dto';

export const MAX_ORDER_LINES = 50;

/** Body of `POST /orders`: one line per book (no duplicate `bookId`). */
export class PlaceOrderDto {
  @ApiProperty({ type: [OrderLineInputDto], minItems: 1, maxItems: MAX_ORDER_LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ArrayUnique((line: OrderLineInputDto) => line?.bookId, { message: 'items must not repeat a bookId' })
  @ValidateNested({ each: true })
  @Type(() => OrderLineInputDto)
  items!: OrderLineInputDto[];
}
