import { DomainError } from '@bookstore/shared/contracts';

import { serviceOfDeadLetter, servicesOfQueue } from './dead-letter-id';

describe('dead-letter ids and queues', () => {
  it('reads the service from an id', () => {
    expect(serviceOfDeadLetter('orders.5b2f3c9e-8d1a-4f7e-9c3b-2a1d0e9f8b7c')).toBe('orders');
    expect(serviceOfDeadLetter('notifications.abc')).toBe('notifications');
  });

  it.each(['gateway.abc', 'orders', 'orders.', 'orders.a/b', '../orders.x', `orders.${'a'.repeat(65)}`])(
    'answers 404 (not found) for %s without asking a service',
    (id) => {
      expect(() => serviceOfDeadLetter(id)).toThrow(DomainError);
    },
  );

  it('asks the service owning a queue, every service without one, none for a foreign queue', () => {
    expect(servicesOfQueue('orders.events.dlq')).toEqual(['orders']);
    expect(servicesOfQueue(undefined)).toEqual(['auth', 'catalog', 'orders', 'notifications']);
    expect(servicesOfQueue('gateway.events.dlq')).toEqual([]);
  });
});
