import { DomainError } from '@bookstore/shared/contracts';
import type { PipeTransform } from '@nestjs/common';
import { Injectable } from '@nestjs/common';

/** What a book id looks like (a MongoDB ObjectId in hex), in any case. */
export const OBJECT_ID = /^[0-9a-f]{24}$/i;

/** A book id from the path; anything that cannot be an id is a 404, like an unknown one. */
@Injectable()
export class BookIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!OBJECT_ID.test(value))
      throw DomainError.notFound('CATALOG.BOOK_NOT_FOUND', `Book ${value} not found`);
    return value.toLowerCase();
  }
}
