/** Every list response: `page` starts at 1, `limit` is at most 100. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}
