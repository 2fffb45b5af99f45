import { formatCents, renderOrderNotice, renderWelcome } from './render-notification';

describe('notification rendering', () => {
  it('formats cents as a two-place amount', () => {
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(2598)).toBe('25.98');
    expect(formatCents(100000)).toBe('1000.00');
  });

  it('welcomes a new user by name', () => {
    const rendered = renderWelcome({ userId: 'u1', name: 'Ada' });
    expect(rendered.type).toBe('user.registered');
    expect(rendered.title).toContain('Welcome');
    expect(rendered.body).toContain('Ada');
    expect(rendered.data).toEqual({ userId: 'u1' });
  });

  it('confirms an order with its id, size and total', () => {
    const rendered = renderOrderNotice('confirmed', {
      orderId: 'o1',
      totalCents: 2598,
      items: [{ quantity: 1 }, { quantity: 2 }],
    });
    expect(rendered.type).toBe('order.confirmed');
    expect(rendered.title).toBe('Your order is confirmed');
    expect(rendered.body).toContain('order o1 (3 books, total 25.98)');
    expect(rendered.data).toEqual({ orderId: 'o1', totalCents: 2598 });
  });

  it('carries the reason of a rejection into body and data', () => {
    const rendered = renderOrderNotice('rejected', {
      orderId: 'o2',
      totalCents: 100,
      items: [{ quantity: 1 }],
      reason: 'Insufficient stock: Dune',
    });
    expect(rendered.body).toContain('1 book,');
    expect(rendered.body).toContain('Reason: Insufficient stock: Dune.');
    expect(rendered.data['reason']).toBe('Insufficient stock: Dune');
  });

  it.each(['cancelled', 'shipped', 'delivered'] as const)('has a distinct title for %s', (notice) => {
    const rendered = renderOrderNotice(notice, { orderId: 'o3', totalCents: 1, items: [{ quantity: 1 }] });
    expect(rendered.type).toBe(`order.${notice}`);
    expect(rendered.title).not.toBe(
      renderOrderNotice('confirmed', { orderId: 'o3', totalCents: 1, items: [] }).title,
    );
  });
});
