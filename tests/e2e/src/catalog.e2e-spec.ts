import { api, unique, uniqueEmail } from '@bookstore/shared/testing';

const ADMIN_EMAIL = process.env['ADMIN_EMAIL'] ?? 'admin@bookstore.local';
const ADMIN_PASSWORD = process.env['ADMIN_PASSWORD'] ?? 'ChangeMe123!';
const MISSING_ID = '0123456789abcdef01234567';

/** A valid ISBN-13 no other test uses: 979 prefix, random body, computed check digit. */
function uniqueIsbn(): string {
  const body = `979${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

async function login(email: string, password: string): Promise<string> {
  const res = await api('POST', '/api/v1/auth/login', { body: { email, password } });
  expect(res.status).toBe(200);
  return res.body.accessToken as string;
}

function newBook(overrides: Record<string, unknown> = {}) {
  return {
    title: unique('E2E Book'),
    author: unique('Author'),
    isbn: uniqueIsbn(),
    description: 'A book written by the end-to-end tests.',
    genres: ['e2e'],
    priceCents: 1999,
    stock: 5,
    ...overrides,
  };
}

describe('catalog: public reads', () => {
  it('lists books as a page, at most 100 per page', async () => {
    const res = await api('GET', '/api/v1/books?limit=5');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: expect.any(Array), total: expect.any(Number), page: 1, limit: 5 });
    expect(res.body.items.length).toBeLessThanOrEqual(5);
    for (const book of res.body.items) {
      expect(Object.keys(book).sort()).toEqual(
        [
          'author',
          'createdAt',
          'description',
          'genres',
          'id',
          'isbn',
          'priceCents',
          'stock',
          'title',
          'updatedAt',
        ].sort(),
      );
    }
  });

  it('has the demo books seeded', async () => {
    const res = await api('GET', '/api/v1/books?q=Dune&limit=100');
    expect(res.status).toBe(200);
    expect(res.body.items.some((book: { title: string }) => book.title === 'Dune')).toBe(true);
  });

  it.each([
    'limit=0',
    'limit=101',
    'page=0',
    'page=abc',
    'sort=price',
    'minPriceCents=-1',
    'maxPriceCents=1.5',
    'minPriceCents=500&maxPriceCents=100',
    'unknown=1',
  ])('rejects bad query %s with 400 in the shared error shape', async (query) => {
    const res = await api('GET', `/api/v1/books?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      correlationId: expect.any(String),
    });
  });

  it('answers 404 for an unknown and for a malformed id', async () => {
    for (const id of [MISSING_ID, 'not-an-id', '123', `${MISSING_ID}0`]) {
      const res = await api('GET', `/api/v1/books/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.statusCode).toBe(404);
    }
  });

  it('treats regex characters in q literally', async () => {
    const res = await api('GET', `/api/v1/books?q=${encodeURIComponent('.*(')}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(0);
  });
});

describe('catalog: admin writes', () => {
  let admin: string;
  let customer: string;

  beforeAll(async () => {
    admin = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
    const email = uniqueEmail();
    const registered = await api('POST', '/api/v1/auth/register', {
      body: { email, password: 'Customer123!', name: 'E2E Customer' },
    });
    expect(registered.status).toBe(201);
    customer = await login(email, 'Customer123!');
  });

  async function create(overrides: Record<string, unknown> = {}) {
    const res = await api('POST', '/api/v1/books', { token: admin, body: newBook(overrides) });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('creates a book (ISBN normalised), which anyone can then read', async () => {
    const input = newBook();
    const hyphenated = `${input.isbn.slice(0, 3)}-${input.isbn.slice(3, 4)}-${input.isbn.slice(4)}`;
    const res = await api('POST', '/api/v1/books', { token: admin, body: { ...input, isbn: hyphenated } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      ...input,
      isbn: input.isbn,
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
    const read = await api('GET', `/api/v1/books/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(res.body);
  });

  it('refuses writes without a token (401) and from a customer (403)', async () => {
    const book = await create();
    expect((await api('POST', '/api/v1/books', { body: newBook() })).status).toBe(401);
    const calls: [string, string, unknown][] = [
      ['POST', '/api/v1/books', newBook()],
      ['PATCH', `/api/v1/books/${book.id}`, { priceCents: 1 }],
      ['DELETE', `/api/v1/books/${book.id}`, undefined],
      ['POST', `/api/v1/books/${book.id}/stock`, { delta: 1 }],
    ];
    for (const [method, path, body] of calls) {
      const res = await api(method, path, { token: customer, body });
      expect(res.status).toBe(403);
    }
    expect((await api('GET', `/api/v1/books/${book.id}`)).body.priceCents).toBe(book.priceCents);
  });

  it('rejects invalid books with 400 and a duplicate ISBN with 409', async () => {
    const bad = [
      newBook({ isbn: '9780306406158' }), // wrong check digit
      newBook({ priceCents: -1 }),
      newBook({ title: '' }),
      newBook({ extra: 'field' }),
      { title: 'only a title' },
    ];
    for (const body of bad) {
      expect((await api('POST', '/api/v1/books', { token: admin, body })).status).toBe(400);
    }
    const book = await create();
    const duplicate = await api('POST', '/api/v1/books', {
      token: admin,
      body: newBook({ isbn: book.isbn }),
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('CATALOG.DUPLICATE_ISBN');
  });

  it('patches a book (200), validates the patch (400) and 404s unknown ids', async () => {
    const book = await create();
    const res = await api('PATCH', `/api/v1/books/${book.id}`, {
      token: admin,
      body: { title: `${book.title} (2nd ed.)`, priceCents: 2499 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: book.id, title: `${book.title} (2nd ed.)`, priceCents: 2499 });
    expect(res.body.isbn).toBe(book.isbn);
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(book.updatedAt));
    for (const body of [{ priceCents: 'free' }, { stock: 3 }, { isbn: '123' }]) {
      expect((await api('PATCH', `/api/v1/books/${book.id}`, { token: admin, body })).status).toBe(400);
    }
    for (const id of [MISSING_ID, 'nope']) {
      expect(
        (await api('PATCH', `/api/v1/books/${id}`, { token: admin, body: { priceCents: 1 } })).status,
      ).toBe(404);
    }
  });

  it('deletes a book (204); it is gone from reads and lists, and a second delete is 404', async () => {
    const book = await create();
    const res = await api('DELETE', `/api/v1/books/${book.id}`, { token: admin });
    expect(res.status).toBe(204);
    expect((await api('GET', `/api/v1/books/${book.id}`)).status).toBe(404);
    const list = await api('GET', `/api/v1/books?q=${encodeURIComponent(book.title)}`);
    expect(list.body.total).toBe(0);
    expect((await api('DELETE', `/api/v1/books/${book.id}`, { token: admin })).status).toBe(404);
    expect((await api('DELETE', `/api/v1/books/${MISSING_ID}`, { token: admin })).status).toBe(404);
  });

  it('restocks and writes off, never below zero (409 with a stable code)', async () => {
    const book = await create({ stock: 5 });
    const restock = await api('POST', `/api/v1/books/${book.id}/stock`, { token: admin, body: { delta: 7 } });
    expect(restock.status).toBe(200);
    expect(restock.body.stock).toBe(12);
    const writeOff = await api('POST', `/api/v1/books/${book.id}/stock`, {
      token: admin,
      body: { delta: -12 },
    });
    expect(writeOff.status).toBe(200);
    expect(writeOff.body.stock).toBe(0);
    const below = await api('POST', `/api/v1/books/${book.id}/stock`, { token: admin, body: { delta: -1 } });
    expect(below.status).toBe(409);
    expect(below.body.code).toBe('CATALOG.INSUFFICIENT_STOCK');
    for (const body of [{ delta: 0 }, { delta: 1.5 }, {}, { delta: '3' }]) {
      expect((await api('POST', `/api/v1/books/${book.id}/stock`, { token: admin, body })).status).toBe(400);
    }
    expect(
      (await api('POST', `/api/v1/books/${MISSING_ID}/stock`, { token: admin, body: { delta: 1 } })).status,
    ).toBe(404);
    expect((await api('GET', `/api/v1/books/${book.id}`)).body.stock).toBe(0);
  });

  it('never serves a stale book or list page after a write (cache invalidation)', async () => {
    const book = await create({ priceCents: 1000 });
    const query = `/api/v1/books?q=${encodeURIComponent(book.title)}`;
    // Read twice so both the book and the list page are cached.
    for (let i = 0; i < 2; i++) {
      expect((await api('GET', `/api/v1/books/${book.id}`)).body.priceCents).toBe(1000);
      expect((await api('GET', query)).body.items[0].priceCents).toBe(1000);
    }
    await api('PATCH', `/api/v1/books/${book.id}`, { token: admin, body: { priceCents: 1500 } });
    expect((await api('GET', `/api/v1/books/${book.id}`)).body.priceCents).toBe(1500);
    expect((await api('GET', query)).body.items[0].priceCents).toBe(1500);

    await api('POST', `/api/v1/books/${book.id}/stock`, { token: admin, body: { delta: 3 } });
    expect((await api('GET', `/api/v1/books/${book.id}`)).body.stock).toBe(book.stock + 3);
    expect((await api('GET', query)).body.items[0].stock).toBe(book.stock + 3);

    await api('DELETE', `/api/v1/books/${book.id}`, { token: admin });
    expect((await api('GET', `/api/v1/books/${book.id}`)).status).toBe(404);
    expect((await api('GET', query)).body.total).toBe(0);
  });

  it('filters, sorts and paginates stably', async () => {
    const tag = unique('genre').toLowerCase();
    const author = unique('Sorter');
    const prices = [500, 300, 300, 900, 100, 700, 300];
    const created = [];
    for (const [i, priceCents] of prices.entries()) {
      created.push(await create({ title: `${author} vol ${i}`, author, genres: [tag], priceCents }));
    }
    await create({ author, genres: ['other'], priceCents: 300 });

    const byGenre = await api('GET', `/api/v1/books?genre=${tag.toUpperCase()}&limit=100`);
    expect(byGenre.body.total).toBe(prices.length);

    const priced = await api('GET', `/api/v1/books?genre=${tag}&minPriceCents=300&maxPriceCents=700`);
    expect(priced.body.items.map((b: { priceCents: number }) => b.priceCents).sort()).toEqual([
      300, 300, 300, 500, 700,
    ]);

    for (const sort of ['priceCents', '-priceCents', 'title', '-title', 'createdAt', '-createdAt']) {
      const all = await api('GET', `/api/v1/books?genre=${tag}&sort=${sort}&limit=100`);
      const pages = [];
      for (let page = 1; page <= 3; page++) {
        const res = await api('GET', `/api/v1/books?genre=${tag}&sort=${sort}&limit=3&page=${page}`);
        expect(res.body).toMatchObject({ page, limit: 3, total: prices.length });
        pages.push(...res.body.items);
      }
      // Pages concatenate to the full sorted list: no duplicates, no gaps, even among equal prices.
      expect(pages.map((b) => b.id)).toEqual(all.body.items.map((b: { id: string }) => b.id));
      const field = sort.replace('-', '') as 'priceCents' | 'title' | 'createdAt';
      const values = all.body.items.map((b: Record<string, unknown>) => b[field]);
      const sorted = [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
      expect(values).toEqual(sort.startsWith('-') ? sorted.reverse() : sorted);
    }

    const byAuthor = await api(
      'GET',
      `/api/v1/books?author=${encodeURIComponent(author.toLowerCase())}&limit=100`,
    );
    expect(byAuthor.body.total).toBe(prices.length + 1);
    const search = await api('GET', `/api/v1/books?q=${encodeURIComponent(`${author} vol 3`)}`);
    expect(search.body.items.map((b: { id: string }) => b.id)).toEqual([created[3].id]);
  });

  it('shows a new book in a list page that was cached before it existed', async () => {
    const title = unique('Fresh');
    const before = await api('GET', `/api/v1/books?q=${title}`);
    expect(before.body.total).toBe(0);
    await create({ title });
    const after = await api('GET', `/api/v1/books?q=${title}`);
    expect(after.body.total).toBe(1);
    expect(after.body.items[0].title).toBe(title);
  });
});
