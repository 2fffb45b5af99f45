import { normalizeEmail } from '@bookstore/auth/domain';
import type { RegisterDto, UserDto } from '@bookstore/shared/contracts';
import { Role, USER_REGISTERED } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';

import { PasswordHasher } from '../../adapters/password-hasher';
import { emailTaken } from '../../auth.errors';
import { AUTH_CONFIG } from '../../auth.tokens';
import type { AuthConfig } from '../../config/auth.config';
import { toUserDto } from '../../persistence/to-user-dto';
import { UsersRepository } from '../../persistence/users.repository';
import { emailVerificationRequest } from '../resend-verification/email-verification-request';

/**
 * Creates a customer account, unverified, and announces it (`user.registered`) with a request to
 * verify its address (`user.email-verification-requested`), both in the user's insert. One
 * account per e-mail: the unique index on `email` decides between concurrent registrations; the
 * losers get 409.
 */
@Injectable()
export class RegisterHandler {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async execute(input: RegisterDto): Promise<UserDto> {
    const _id = new Types.ObjectId();
    const email = normalizeEmail(String(input.email));
    const name = String(input.name);
    const registered = createEnvelope(USER_REGISTERED, { userId: _id.toHexString(), email, name });
    // The verification e-mail goes out separately from the welcome (its link is a secret).
    const verification = emailVerificationRequest(_id.toHexString(), email, this.config);
    const passwordHash = await this.hasher.hash(String(input.password));
    const user = await this.users.insert(
      {
        _id,
        email,
        name,
        roles: [Role.Customer],
        passwordHash,
        emailVerified: false,
        emailVerification: verification.stored,
      },
      [registered, verification.event],
    );
    if (!user) throw emailTaken();
    return toUserDto(user);
  }
}
