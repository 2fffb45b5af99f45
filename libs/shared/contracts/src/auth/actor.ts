import { Role } from './role';

/**
 * The authenticated caller, as verified by the gateway from the access token. Services trust only
 * this (put there by the gateway), never a header a client could set.
 */
export interface Actor {
  userId: string;
  roles: Role[];
  /** The access token's `email_verified` claim; absent in tokens that do not carry it. */
  emailVerified?: boolean;
}

export function isAdmin(actor: Actor | undefined): boolean {
  return !!actor && actor.roles.includes(Role.Admin);
}
