import type { AuthRoutesConfig } from './auth-routes.config';

/** How many requests one client may make to a route within a window (fixed, from its first). */
export interface ClientRateLimitRule {
  max: number;
  windowSeconds: number;
}

/**
 * Every per-client limit `@ClientRateLimit(name)` can name, with its values from the config. A new
 * limited route adds its entry here (and its two variables to AuthRoutesConfig and the README).
 */
export function clientRateLimitRules(config: AuthRoutesConfig) {
  return {
    register: { max: config.REGISTER_MAX_PER_CLIENT, windowSeconds: config.REGISTER_WINDOW_SECONDS },
    // Password-reset and verification e-mails share one budget per client: both send e-mail.
    accountEmail: {
      max: config.ACCOUNT_EMAIL_MAX_PER_CLIENT,
      windowSeconds: config.ACCOUNT_EMAIL_WINDOW_SECONDS,
    },
  } satisfies Record<string, ClientRateLimitRule>;
}

export type ClientRateLimitName = keyof ReturnType<typeof clientRateLimitRules>;
