import { BookSnapshotPayload } from './book-snapshot.payload';
import { EventDoc } from './event-doc.decorator';

export const BOOK_UPDATED = 'book.updated.v1' as const;

@EventDoc({
  summary: "A book's details or stock changed: its new state.",
  producer: 'catalog',
  consumers: ['gateway'],
})
export class BookUpdatedPayload extends BookSnapshotPayload {}
