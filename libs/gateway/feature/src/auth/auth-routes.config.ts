import { TokenVerificationConfig } from '@bookstore/shared/security';
import { Transform } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

import { IsAddressOrRange } from './client-address';

/**
 * The gateway's identity settings, loaded with `loadConfig` by AuthRoutesModule (README lists every
 * variable and its default): the shared token settings plus throttling.
 */
export class AuthRoutesConfig extends TokenVerificationConfig {
  /**
   * Failed logins one client may make on one account before progressive back-off: the next attempt
   * waits LOGIN_BACKOFF_BASE_SECONDS, and each further failure doubles the wait.
   */
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_BACKOFF_AFTER_FAILURES = 5;

  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_BACKOFF_BASE_SECONDS = 30;

  /** The longest back-off wait. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_BACKOFF_MAX_SECONDS = 900;

  /** Failed logins one client may make across all accounts within the window (credential stuffing). */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  LOGIN_MAX_FAILURES_PER_CLIENT = 50;

  /**
   * Failed logins on one account from all clients within the window; past it, only clients that
   * have not failed on that account may still try (so the owner still gets in).
   */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 500;

  /** How long failures are remembered: per client, per account, and per pair after its last attempt. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** Registrations one client may make within REGISTER_WINDOW_SECONDS. */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  REGISTER_MAX_PER_CLIENT = 10;

  @IsInt()
  @Min(1)
  @Max(86_400)
  REGISTER_WINDOW_SECONDS = 600;

  /**
   * Password-reset requests and verification re-sends (together) one client may make within
   * ACCOUNT_EMAIL_WINDOW_SECONDS: each sends an e-mail to an address the client names.
   */
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  ACCOUNT_EMAIL_MAX_PER_CLIENT = 5;

  @IsInt()
  @Min(1)
  @Max(86_400)
  ACCOUNT_EMAIL_WINDOW_SECONDS = 900;

  /**
   * Comma-separated client addresses or CIDR ranges the per-client limits (registration, failures
   * per client) do not count: synthetic monitoring, load generators. Per-account back-off still
   * applies to them. Default none.
   */
  @Transform(({ value }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean)
      : value,
  )
  @IsAddressOrRange({ each: true })
  RATE_LIMIT_EXEMPT_CLIENTS: string[] = [];
}
