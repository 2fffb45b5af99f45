/**
 * ISBN rules. The catalog stores every ISBN as its 13-digit form (no hyphens), so an ISBN-10 and
 * the ISBN-13 of the same book are one key and the unique index catches both.
 */

/** Strips hyphens and spaces and upper-cases the ISBN-10 check character `x`. */
export function compactIsbn(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

export function isValidIsbn10(isbn: string): boolean {
  if (!/^[0-9]{9}[0-9X]$/.test(isbn)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const digit = isbn[i] === 'X' ? 10 : Number(isbn[i]);
    sum += digit * (10 - i);
  }
  return sum % 11 === 0;
}

/** The check digit of the first twelve digits of an ISBN-13. */
export function isbn13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidIsbn13(isbn: string): boolean {
  if (!/^97[89][0-9]{10}$/.test(isbn)) return false;
  return isbn13CheckDigit(isbn.slice(0, 12)) === Number(isbn[12]);
}

/**
 * The 13-digit form of a valid ISBN-10 or ISBN-13 (hyphens and spaces allowed), or `undefined`
 * when the input is not a valid ISBN (wrong length, characters or checksum).
 */
export function normalizeIsbn(raw: string): string | undefined {
  const isbn = compactIsbn(raw);
  if (isbn.length === 13) return isValidIsbn13(isbn) ? isbn : undefined;
  if (isbn.length === 10 && isValidIsbn10(isbn)) {
    const first12 = `978${isbn.slice(0, 9)}`;
    return `${first12}${isbn13CheckDigit(first12)}`;
  }
  return undefined;
}
