import { IsString, MaxLength } from 'class-validator';

import { UpdateOrderStatusDto } from './update-order-status.dto';

/** RPC payload of `orders.status.update`: the body plus the order id from the path. */
export class UpdateOrderStatusCommand extends UpdateOrderStatusDto {
  @IsString()
  @MaxLength(64)
  id!: string;
}
