import { IsInt, IsMongoId, Min } from 'class-validator';

/** One line of an order as the saga events carry it. */
export class OrderLinePayload {
  @IsMongoId()
  bookId!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

/** A line with the price the customer agreed to, in integer cents. */
export class PricedOrderLinePayload extends OrderLinePayload {
  @IsInt()
  @Min(0)
  unitPriceCents!: number;
}
