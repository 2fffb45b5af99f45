import { api } from '../api/api-client';
import type { Notification, Page } from '../api/types';

/** The notification routes (shared/API.md, Notifications). */
export const notificationsApi = {
  list: (page = 1, limit = 20, signal?: AbortSignal) =>
    api.get<Page<Notification>>('/notifications', { page, limit }, signal),
  markRead: (id: string) => api.post<Notification>(`/notifications/${encodeURIComponent(id)}/read`),
  streamPath: '/notifications/stream',
};

/** The order a notification is about, when it names one (data.orderId). */
export function orderIdOf(notification: Notification): string | undefined {
  const id = notification.data?.['orderId'];
  return typeof id === 'string' ? id : undefined;
}

/** Reads a stream event's data as a notification; undefined when it is not one. */
export function parseNotification(data: string): Notification | undefined {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return undefined;
    const n = value as Partial<Notification>;
    return typeof n.id === 'string' && typeof n.type === 'string' ? (value as Notification) : undefined;
  } catch {
    return undefined;
  }
}
