import { rejectionReason } from './rejection-reason';

describe('rejectionReason', () => {
  it('names each short line with title, id, requested and available', () => {
    const reason = rejectionReason(
      [
        { bookId: 'a', requested: 3, available: 1 },
        { bookId: 'b', requested: 2, available: 0 },
      ],
      new Map([['a', 'Dune']]),
    );
    expect(reason).toBe(
      'Insufficient stock: Dune [a] (requested 3, available 1); b [b] (requested 2, available 0)',
    );
  });

  it('falls back to the catalog reason when no line is named', () => {
    expect(rejectionReason([], new Map(), 'book deleted')).toBe('book deleted');
  });
});
