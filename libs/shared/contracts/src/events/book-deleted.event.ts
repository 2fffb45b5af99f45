import { IsMongoId } from 'class-validator';

import { EventDoc } from './event-doc.decorator';

export const BOOK_DELETED = 'book.deleted.v1' as const;

@EventDoc({
  summary: 'A book was removed from the catalog.',
  producer: 'catalog',
  consumers: ['gateway'],
})
export class BookDeletedPayload {
  @IsMongoId()
  bookId!: string;
}
