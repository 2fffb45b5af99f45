import { BookSnapshotPayload } from './book-snapshot.payload';

export const BOOK_UPDATED = 'book.updated.v1' as const;

export class BookUpdatedPayload extends BookSnapshotPayload {}
