export interface ShortLine {
  bookId: string;
  requested: number;
  available: number;
}

/**
 * The reason stored on a rejected order, naming every line the catalog could not reserve (by title
 * when the order knows it), e.g. `Insufficient stock: Dune (requested 3, available 1)`.
 */
export function rejectionReason(
  shortLines: readonly ShortLine[],
  titles: ReadonlyMap<string, string>,
  fallback = 'Stock could not be reserved',
): string {
  if (!shortLines.length) return fallback;
  const described = shortLines.map((line) => {
    const name = titles.get(line.bookId) ?? line.bookId;
    return `${name} [${line.bookId}] (requested ${line.requested}, available ${line.available})`;
  });
  return `Insufficient stock: ${described.join('; ')}`;
}

/** The reason of an order the saga deadline rejected: nothing settled it in time (API.md). */
export const TIMEOUT_REASON = 'timeout';
