import { createHash } from 'node:crypto';

import type { ListBooksQuery } from '@bookstore/shared/contracts';

const PREFIX = 'catalog';

/** Counter bumped by every change to a book: its cached copies are keyed by it. */
export function bookVersionKey(id: string): string {
  return `${PREFIX}:book:${id}:v`;
}

export function bookKey(id: string, version: number): string {
  return `${PREFIX}:book:${id}:${version}`;
}

/** Counter bumped by every change that can alter any list page (create, edit, delete, stock). */
export const LIST_GENERATION_KEY = `${PREFIX}:books:gen`;

/** The query with defaults applied and keys in a fixed order: equal queries share one entry. */
export function canonicalListQuery(query: ListBooksQuery): string {
  const parts: [string, unknown][] = [
    ['page', query.page ?? 1],
    ['limit', query.limit ?? 20],
    ['sort', query.sort ?? 'title'],
    ['q', query.q?.trim() || undefined],
    ['author', query.author?.trim() || undefined],
    ['genre', query.genre?.trim().toLowerCase() || undefined],
    ['minPriceCents', query.minPriceCents],
    ['maxPriceCents', query.maxPriceCents],
  ];
  return JSON.stringify(parts.filter(([, value]) => value !== undefined));
}

export function listKey(generation: number, query: ListBooksQuery): string {
  const digest = createHash('sha256').update(canonicalListQuery(query)).digest('hex').slice(0, 32);
  return `${PREFIX}:books:list:${generation}:${digest}`;
}
