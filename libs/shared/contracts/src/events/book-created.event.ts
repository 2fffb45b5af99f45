import { BookSnapshotPayload } from './book-snapshot.payload';

export const BOOK_CREATED = 'book.created.v1' as const;

export class BookCreatedPayload extends BookSnapshotPayload {}
