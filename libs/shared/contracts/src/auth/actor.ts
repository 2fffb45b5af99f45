import { Role } from './role';

/**
 * The authenticated caller, as verified from the access token: by the gateway for its routes, and
 * again by each service from the token the gateway forwards (RequestActorInterceptor), never from a
 * header a client could set or an actor a message claims.
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
