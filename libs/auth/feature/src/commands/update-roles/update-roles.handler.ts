import type { Actor, Role, UserDto } from '@bookstore/shared/contracts';
import { isAdmin } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { forbidden, userNotFound } from '../../auth.errors';
import { toUserDto } from '../../persistence/to-user-dto';
import { UsersRepository } from '../../persistence/users.repository';

/** An administrator replaces a user's roles (one update); they show in the user's next token. */
@Injectable()
export class UpdateRolesHandler {
  constructor(private readonly users: UsersRepository) {}

  async execute(actor: Actor, userId: string, roles: Role[]): Promise<UserDto> {
    if (!isAdmin(actor)) throw forbidden();
    const user = await this.users.setRoles(userId, roles);
    if (!user) throw userNotFound();
    return toUserDto(user);
  }
}
