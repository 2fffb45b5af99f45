import { IsOptional, IsString, Matches } from 'class-validator';

import { IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_RULE } from '../common/idempotency-key';
import { PlaceOrderDto } from './place-order.dto';

/**
 * RPC payload of `orders.place`: the body plus the optional `Idempotency-Key`; the user is the actor.
 * The reply is an `IdempotentReply<OrderDto>`.
 */
export class PlaceOrderCommand extends PlaceOrderDto {
  @IsOptional()
  @IsString()
  @Matches(IDEMPOTENCY_KEY_PATTERN, { message: IDEMPOTENCY_KEY_RULE })
  idempotencyKey?: string;
}
