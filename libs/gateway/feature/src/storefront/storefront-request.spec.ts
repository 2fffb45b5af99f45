import { storefrontAnswerFor, storefrontCacheControl } from './storefront-request';

const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('storefrontAnswerFor', () => {
  it('answers index.html for the root whatever the client accepts', () => {
    expect(storefrontAnswerFor('/', undefined)).toBe('index');
    expect(storefrontAnswerFor('/', 'application/json')).toBe('index');
    expect(storefrontAnswerFor('/index.html', '*/*')).toBe('index');
  });

  it('answers index.html for a deep link a browser navigates to', () => {
    expect(storefrontAnswerFor('/books/6650f0c2a1b2c3d4e5f60718', HTML)).toBe('index');
    expect(storefrontAnswerFor('/staff/orders', HTML)).toBe('index');
  });

  it('leaves a deep link asked for without HTML to the 404', () => {
    expect(storefrontAnswerFor('/books/123', 'application/json')).toBe('not-found');
    expect(storefrontAnswerFor('/books/123', undefined)).toBe('not-found');
  });

  it('serves a path with a dot as a file, never as index.html', () => {
    expect(storefrontAnswerFor('/assets/index-abc123.js', HTML)).toBe('file');
    expect(storefrontAnswerFor('/favicon.svg', '*/*')).toBe('file');
  });

  it('keeps /api and /docs paths out of the storefront, even for a browser', () => {
    for (const path of ['/api', '/api/', '/api/v1/nope', '/docs', '/docs/nope', '/docs-json'])
      expect(storefrontAnswerFor(path, HTML)).toBe('not-found');
    expect(storefrontAnswerFor('/apiary', HTML)).toBe('index');
    expect(storefrontAnswerFor('/documents', HTML)).toBe('index');
  });
});

describe('storefrontCacheControl', () => {
  it('caches content-hashed assets for a year, immutable, and revalidates the rest', () => {
    expect(storefrontCacheControl('assets/index-abc123.js')).toBe('public, max-age=31536000, immutable');
    expect(storefrontCacheControl('index.html')).toBe('no-cache');
    expect(storefrontCacheControl('favicon.svg')).toBe('no-cache');
  });
});
