/** Query parameters as the storefront keeps them: empty values simply mean "not set". */
export type QueryParams = Record<string, string | number | undefined | null>;

/** `?a=1&b=x` from the set parameters (empty strings, null and undefined left out), or '' when none. */
export function toQueryString(params: QueryParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
