import type { Actor, UserDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { unauthorized } from '../../auth.errors';
import { toUserDto } from '../../persistence/to-user-dto';
import { UsersRepository } from '../../persistence/users.repository';

/** The caller's own account (`me`); a token whose user no longer exists is not authenticated. */
@Injectable()
export class GetUserHandler {
  constructor(private readonly users: UsersRepository) {}

  async execute(actor: Actor): Promise<UserDto> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw unauthorized();
    return toUserDto(user);
  }
}
