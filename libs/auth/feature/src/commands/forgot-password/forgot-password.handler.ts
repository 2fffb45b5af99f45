import { issueAccountToken, normalizeEmail } from '@bookstore/auth/domain';
import type { ForgotPasswordDto } from '@bookstore/shared/contracts';
import { USER_PASSWORD_RESET_REQUESTED } from '@bookstore/shared/contracts';
import { createEnvelope } from '@bookstore/shared/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { Types } from 'mongoose';

import { AUTH_CONFIG } from '../../auth.tokens';
import type { AuthConfig } from '../../config/auth.config';
import { UsersRepository } from '../../persistence/users.repository';

/**
 * Issues a single-use reset token for the account with this e-mail and has it e-mailed
 * (`user.password-reset-requested`, stored with the token's hash in one update, so there is never
 * a token without its e-mail or the reverse). The caller learns nothing: an unknown e-mail does
 * the same work (a token, a lookup and an update that matches nobody) and gets the same answer.
 */
@Injectable()
export class ForgotPasswordHandler {
  constructor(
    private readonly users: UsersRepository,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async execute(input: ForgotPasswordDto): Promise<void> {
    const now = new Date();
    const issued = issueAccountToken(this.config.PASSWORD_RESET_TTL_SECONDS * 1000, now);
    const user = await this.users.findByEmail(normalizeEmail(String(input.email)));
    const userId = user?._id ?? new Types.ObjectId();
    const requested = createEnvelope(USER_PASSWORD_RESET_REQUESTED, {
      userId: userId.toHexString(),
      email: user?.email ?? '',
      token: issued.token,
      expiresAt: issued.expiresAt.toISOString(),
    });
    const { token: _secret, ...stored } = issued;
    const issuedBefore = new Date(now.getTime() - this.config.ACCOUNT_EMAIL_INTERVAL_SECONDS * 1000);
    await this.users.requestPasswordReset(userId, stored, issuedBefore, [requested]);
  }
}
