import type { Actor } from '@bookstore/shared/contracts';

import { emailNotVerified } from '../../orders.errors';

/**
 * Who may place an order when ORDERS_REQUIRE_VERIFIED_EMAIL is on: a caller whose access token
 * says `email_verified` (a token without the claim counts as unverified). Administrators too: an
 * admin account is seeded verified.
 */
export class VerifiedEmailPolicy {
  constructor(private readonly required: boolean) {}

  /** Throws ORDER.EMAIL_NOT_VERIFIED (403) when the policy is on and the caller is unverified. */
  assertMayOrder(actor: Actor): void {
    if (this.required && actor.emailVerified !== true) throw emailNotVerified();
  }
}
