import type { Actor, Role, UserDto } from '@bookstore/shared/contracts';
import { isAdmin } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { forbidden, userNotFound } from '../../auth.errors';
import { toUserDto } from '../../persistence/to-user-dto';
import { UsersRepository } from '../../persistence/users.repository';
import { SessionRevoker } from '../revoke-sessions/session-revoker';

/**
 * An administrator replaces a user's roles. A change ends every session of the user in the same
 * write (SessionRevoker): the old tokens carry the old roles, so a demoted admin's token is refused
 * at once instead of at its expiry; the user logs in again and gets the new roles.
 */
@Injectable()
export class UpdateRolesHandler {
  constructor(
    private readonly users: UsersRepository,
    private readonly revoker: SessionRevoker,
  ) {}

  async execute(actor: Actor, userId: string, roles: Role[]): Promise<UserDto> {
    if (!isAdmin(actor)) throw forbidden();
    const user = await this.users.findById(userId);
    if (!user) throw userNotFound();
    const wanted = [...new Set(roles)];
    // The same roles again change nothing, and end no session.
    if (sameRoles(user.roles, wanted)) return toUserDto(user);
    const updated = await this.revoker.revokeAll(userId, 'roles-changed', { roles: wanted });
    if (!updated) throw userNotFound();
    return toUserDto(updated);
  }
}

function sameRoles(current: readonly Role[], wanted: readonly Role[]): boolean {
  return current.length === wanted.length && wanted.every((role) => current.includes(role));
}
