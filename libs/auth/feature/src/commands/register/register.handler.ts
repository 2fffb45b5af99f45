import { normalizeEmail } from '@bookstore/auth/domain';
import type { RegisterDto, UserDto } from '@bookstore/shared/contracts';
import { Role, USER_REGISTERED } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { Injectable } from '@nestjs/common';
import { Types } from 'mongoose';

import { PasswordHasher } from '../../adapters/password-hasher';
import { emailTaken } from '../../auth.errors';
import { toUserDto } from '../../persistence/to-user-dto';
import { UsersRepository } from '../../persistence/users.repository';

/**
 * Creates a customer account and announces it (`user.registered`). One account per e-mail: the
 * unique index on `email` decides between concurrent registrations; the losers get 409.
 */
@Injectable()
export class RegisterHandler {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(input: RegisterDto): Promise<UserDto> {
    const _id = new Types.ObjectId();
    const email = normalizeEmail(String(input.email));
    const name = String(input.name);
    const registered = createEnvelope(USER_REGISTERED, { userId: _id.toHexString(), email, name });
    const passwordHash = await this.hasher.hash(String(input.password));
    const user = await this.users.insert({ _id, email, name, roles: [Role.Customer], passwordHash }, [
      registered,
    ]);
    if (!user) throw emailTaken();
    return toUserDto(user);
  }
}
