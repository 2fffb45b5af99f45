/** Request/reply patterns served by the notifications service (`notifications.rpc` queue). */
export const NOTIFICATIONS_PATTERNS = {} as const;
