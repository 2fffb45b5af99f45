import { IsOptional, IsString, Matches } from 'class-validator';

import { IDEMPOTENCY_KEY_PATTERN } from './idempotency-key';
import { PlaceOrderDto } from './place-order.dto';

/** RPC payload of `orders.place`: the body plus the optional `Idempotency-Key`; the user is the actor. */
export class PlaceOrderCommand extends PlaceOrderDto {
  @IsOptional()
  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN, { message: 'Idempotency-Key must be 1 to 128 printable characters' })
  idempotencyKey?: string;
}
