import { hashAccountToken } from '@bookstore/auth/domain';
import type { ResetPasswordDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { PasswordHasher } from '../../adapters/password-hasher';
import { resetTokenInvalid } from '../../auth.errors';
import { UsersRepository } from '../../persistence/users.repository';
import { SessionRevoker } from '../revoke-sessions/session-revoker';

/**
 * Spends a reset token, then sets the new password and ends every session of the user in one
 * write (SessionRevoker), so a changed password never leaves an old session alive. The token is
 * spent by one conditional update: of concurrent resets with one token exactly one goes on. A
 * crash between the two writes leaves the old password and a spent token (ask again), never a new
 * password beside live sessions. An unknown or expired token is refused before the costly hashing.
 */
@Injectable()
export class ResetPasswordHandler {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly revoker: SessionRevoker,
  ) {}

  async execute(input: ResetPasswordDto): Promise<void> {
    const tokenHash = hashAccountToken(String(input.token));
    if (!(await this.users.findByPasswordResetToken(tokenHash, new Date()))) throw resetTokenInvalid();
    const passwordHash = await this.hasher.hash(String(input.password));
    const user = await this.users.spendPasswordReset(tokenHash, new Date());
    if (!user) throw resetTokenInvalid();
    await this.revoker.revokeAll(user._id.toHexString(), 'password-reset', { passwordHash });
  }
}
