import { greeting } from './safe-name';

/** What a notification says; the same text goes into the in-app list and the e-mail. */
export interface RenderedNotification {
  /** The event that caused it, without version: `order.confirmed`. */
  type: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

export interface WelcomeFacts {
  userId: string;
  name: string;
}

export interface OrderFacts {
  orderId: string;
  totalCents: number;
  items: { quantity: number }[];
  reason?: string;
}

export type OrderNotice = 'confirmed' | 'rejected' | 'cancelled' | 'shipped' | 'delivered';

/** Integer cents as a decimal amount with two places. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function renderWelcome(facts: WelcomeFacts): RenderedNotification {
  return {
    type: 'user.registered',
    title: 'Welcome to the bookstore',
    body: `${greeting(facts.name)}, your account is ready. Happy reading!`,
    data: { userId: facts.userId },
  };
}

const TITLES: Record<OrderNotice, string> = {
  confirmed: 'Your order is confirmed',
  rejected: 'Your order could not be accepted',
  cancelled: 'Your order was cancelled',
  shipped: 'Your order has shipped',
  delivered: 'Your order was delivered',
};

/** The notification for an order status event, naming the order, its size and total. */
export function renderOrderNotice(notice: OrderNotice, facts: OrderFacts): RenderedNotification {
  const books = facts.items.reduce((sum, item) => sum + item.quantity, 0);
  const summary = `order ${facts.orderId} (${books} book${books === 1 ? '' : 's'}, total ${formatCents(facts.totalCents)})`;
  const sentences: Record<OrderNotice, string> = {
    confirmed: `We reserved everything in your ${summary}. We will let you know when it ships.`,
    rejected: `We could not accept your ${summary}.${facts.reason ? ` Reason: ${facts.reason}.` : ''} Nothing was charged.`,
    cancelled: `Your ${summary} was cancelled.${facts.reason ? ` ${facts.reason}.` : ''}`,
    shipped: `Your ${summary} is on its way.`,
    delivered: `Your ${summary} was delivered. Enjoy!`,
  };
  return {
    type: `order.${notice}`,
    title: TITLES[notice],
    body: sentences[notice],
    data: {
      orderId: facts.orderId,
      totalCents: facts.totalCents,
      ...(facts.reason ? { reason: facts.reason } : {}),
    },
  };
}
