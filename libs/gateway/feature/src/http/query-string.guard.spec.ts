import { checkQueryString } from './query-string.guard';

describe('checkQueryString', () => {
  it('passes targets without a query or without escapes at no cost', () => {
    expect(checkQueryString('/api/v1/books')).toBeNull();
    expect(checkQueryString('/api/v1/books?q=tolkien&page=2')).toBeNull();
  });

  it('passes well-formed UTF-8 escapes and malformed escapes left for the parser', () => {
    expect(checkQueryString('/books?q=caf%C3%A9+%E2%82%AC%F0%9F%93%9A')).toBeNull();
    expect(checkQueryString('/books?q=100%&x=%zz&y=%4')).toBeNull();
    // %25 is a literal percent sign: "%2500" spells the text "%00", not NUL.
    expect(checkQueryString('/books?q=%2500')).toBeNull();
  });

  it('refuses a NUL escape in a value or a key', () => {
    expect(checkQueryString('/books?q=a%00b')).toBe('nul');
    expect(checkQueryString('/books?a%00=1')).toBe('nul');
  });

  it('refuses escapes that do not decode as UTF-8', () => {
    expect(checkQueryString('/books?q=%FF')).toBe('invalid-utf8');
    expect(checkQueryString('/books?q=%ff')).toBe('invalid-utf8');
    expect(checkQueryString('/books?q=%C3%28')).toBe('invalid-utf8');
    expect(checkQueryString('/books?q=%E2%82')).toBe('invalid-utf8');
    expect(checkQueryString('/books?q=%ED%A0%80')).toBe('invalid-utf8'); // a UTF-16 surrogate
  });

  it('judges only the query: the router judges the path', () => {
    expect(checkQueryString('/books/%FF')).toBeNull();
  });
});
