import { OmitType, PartialType } from '@nestjs/swagger';

import { CreateBookDto } from './create-book.dto';

/**
 * `PATCH /books/:id` (admin): any field but `stock`, which changes only through
 * `POST /books/:id/stock` so that every stock change is an atomic increment. A field may be left
 * out, never set to null (`skipNullProperties: false`): null is validated like any other value.
 */
export class UpdateBookDto extends PartialType(OmitType(CreateBookDto, ['stock'] as const), {
  skipNullProperties: false,
}) {}
