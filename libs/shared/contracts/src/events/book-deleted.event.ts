import { IsMongoId } from 'class-validator';

export const BOOK_DELETED = 'book.deleted.v1' as const;

export class BookDeletedPayload {
  @IsMongoId()
  bookId!: string;
}
