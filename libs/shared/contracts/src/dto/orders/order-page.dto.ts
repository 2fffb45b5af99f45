import { ApiProperty } from '@nestjs/swagger';

import type { Page } from '../common/page';
import { OrderDto } from './order.dto';

/** A page of orders. */
export class OrderPageDto implements Page<OrderDto> {
  @ApiProperty({ type: [OrderDto] })
  items!: OrderDto[];

  @ApiProperty({ minimum: 0 })
  total!: number;

  @ApiProperty({ minimum: 1 })
  page!: number;

  @ApiProperty({ minimum: 1, maximum: 100 })
  limit!: number;
}
