import { OmitType, PartialType } from '@nestjs/swagger';

import { CreateBookDto } from './create-book.dto';

/**
 * `PATCH /books/:id` (admin): any field but `stock`, which changes only through
 * `POST /books/:id/stock` so that every stock change is an atomic increment.
 */
export class UpdateBookDto extends PartialType(OmitType(CreateBookDto, ['stock'] as const)) {}
