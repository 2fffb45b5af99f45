/** Request/reply patterns served by the auth service (`auth.rpc` queue). */
export const AUTH_PATTERNS = {} as const;
