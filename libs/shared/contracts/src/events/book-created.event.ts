import { BookSnapshotPayload } from './book-snapshot.payload';
import { EventDoc } from './event-doc.decorator';

export const BOOK_CREATED = 'book.created.v1' as const;

@EventDoc({
  summary: 'A book was added to the catalog.',
  producer: 'catalog',
  consumers: [],
})
export class BookCreatedPayload extends BookSnapshotPayload {}
