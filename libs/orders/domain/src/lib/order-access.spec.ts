import type { Actor } from '@bookstore/shared/contracts';
import { DomainError, Role } from '@bookstore/shared/contracts';

import { visibleOrder } from './order-access';

const owner: Actor = { userId: 'aaaaaaaaaaaaaaaaaaaaaaaa', roles: [Role.Customer] };
const stranger: Actor = { userId: 'bbbbbbbbbbbbbbbbbbbbbbbb', roles: [Role.Customer] };
const admin: Actor = { userId: 'cccccccccccccccccccccccc', roles: [Role.Admin] };
const order = { id: 'o1', userId: owner.userId };

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('visibleOrder', () => {
  it('shows an order to its owner and to an admin', () => {
    expect(visibleOrder(order, owner)).toBe(order);
    expect(visibleOrder(order, admin)).toBe(order);
  });

  it("reports someone else's order exactly like a missing one", () => {
    expect(codeOf(() => visibleOrder(order, stranger))).toBe('ORDER.NOT_FOUND');
    expect(codeOf(() => visibleOrder(null, owner))).toBe('ORDER.NOT_FOUND');
  });
});
