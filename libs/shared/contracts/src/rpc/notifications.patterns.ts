/** Request/reply patterns served by the notifications service (`notifications.rpc` queue). */
export const NOTIFICATIONS_PATTERNS = {
  list: 'notifications.list',
  markRead: 'notifications.read',
} as const;
