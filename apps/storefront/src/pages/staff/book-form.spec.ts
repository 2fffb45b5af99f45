import type { Book } from '../../api/types';
import { bookFormValues, EMPTY_BOOK_FORM, parseBookForm, stockDelta } from './book-form';

describe('parseBookForm', () => {
  it('turns the typed values into the API body: cents, trimmed text, genres split at commas', () => {
    const parsed = parseBookForm({
      ...EMPTY_BOOK_FORM,
      title: ' Dune ',
      author: 'Frank Herbert',
      isbn: '978-0-441-17271-9',
      genres: 'Science fiction, , Classics ',
      price: '12.5',
      stock: '3',
    });
    expect(parsed).toEqual({
      ok: true,
      stock: 3,
      fields: {
        title: 'Dune',
        author: 'Frank Herbert',
        isbn: '978-0-441-17271-9',
        genres: ['Science fiction', 'Classics'],
        priceCents: 1250,
      },
    });
  });

  it('names what the browser can tell is wrong and leaves the other rules to the API', () => {
    expect(parseBookForm({ ...EMPTY_BOOK_FORM, price: '12,999', stock: '-1' })).toEqual({
      ok: false,
      errors: ['Price must be an amount such as 12.99.', 'Stock must be a whole number, 0 or more.'],
    });
    // An empty title is the API's to refuse (its message is shown as it comes).
    expect(parseBookForm({ ...EMPTY_BOOK_FORM, price: '1' }).ok).toBe(true);
  });

  it('fills the form from a book and reads it back unchanged', () => {
    const book = {
      id: 'b1',
      title: 'Dune',
      author: 'Frank Herbert',
      isbn: '9780441172719',
      description: 'Spice.',
      genres: ['Science fiction'],
      priceCents: 123456,
      stock: 2,
    } as Book;
    const parsed = parseBookForm(bookFormValues(book));
    expect(parsed).toMatchObject({
      ok: true,
      stock: 2,
      fields: { priceCents: 123456, genres: ['Science fiction'] },
    });
  });
});

describe('stockDelta', () => {
  it('signs a count of copies by direction and refuses anything but a positive whole number', () => {
    expect(stockDelta('5', 'restock')).toBe(5);
    expect(stockDelta(' 2 ', 'write-off')).toBe(-2);
    for (const bad of ['', '0', '-3', '1.5', 'x']) expect(stockDelta(bad, 'restock')).toBeUndefined();
  });
});
