import { isbn13CheckDigit, isValidIsbn10, isValidIsbn13, normalizeIsbn } from './isbn';

describe('ISBN rules', () => {
  it('accepts valid ISBN-13s with or without hyphens and returns the compact form', () => {
    expect(normalizeIsbn('978-0-13-595705-9')).toBe('9780135957059');
    expect(normalizeIsbn('9780306406157')).toBe('9780306406157');
    expect(normalizeIsbn(' 978 0 306 40615 7 ')).toBe('9780306406157');
  });

  it('converts a valid ISBN-10 (also with an X check character) to its ISBN-13', () => {
    expect(normalizeIsbn('0-306-40615-2')).toBe('9780306406157');
    expect(normalizeIsbn('080442957X')).toBe('9780804429573');
    expect(normalizeIsbn('080442957x')).toBe('9780804429573');
  });

  it('rejects wrong checksums, lengths, prefixes and characters', () => {
    expect(normalizeIsbn('9780306406158')).toBeUndefined();
    expect(normalizeIsbn('0306406153')).toBeUndefined();
    expect(normalizeIsbn('97803064061')).toBeUndefined();
    expect(normalizeIsbn('1234567890123')).toBeUndefined();
    expect(normalizeIsbn('97803064061a7')).toBeUndefined();
    expect(normalizeIsbn('X306406152')).toBeUndefined();
    expect(normalizeIsbn('')).toBeUndefined();
  });

  it('computes ISBN-13 check digits, including 0', () => {
    expect(isbn13CheckDigit('978030640615')).toBe(7);
    expect(isbn13CheckDigit('978186197271')).toBe(2);
    expect(isValidIsbn13('9781861972712')).toBe(true);
    expect(isValidIsbn10('0306406152')).toBe(true);
    expect(isValidIsbn10('0306406151')).toBe(false);
  });
});
