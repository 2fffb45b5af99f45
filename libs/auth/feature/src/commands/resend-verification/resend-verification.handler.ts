import type { Actor } from '@bookstore/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { unauthorized } from '../../auth.errors';
import { AUTH_CONFIG } from '../../auth.tokens';
import type { AuthConfig } from '../../config/auth.config';
import { UsersRepository } from '../../persistence/users.repository';
import { emailVerificationRequest } from './email-verification-request';

/**
 * The caller asks for a new verification e-mail. It replaces the earlier link; nothing is sent
 * when the address is verified already or a link went out within ACCOUNT_EMAIL_INTERVAL_SECONDS
 * (the conditional update decides; the answer is the same).
 */
@Injectable()
export class ResendVerificationHandler {
  constructor(
    private readonly users: UsersRepository,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async execute(actor: Actor): Promise<void> {
    const user = await this.users.findById(actor.userId);
    if (!user) throw unauthorized();
    const now = new Date();
    const request = emailVerificationRequest(user._id.toHexString(), user.email, this.config, now);
    const issuedBefore = new Date(now.getTime() - this.config.ACCOUNT_EMAIL_INTERVAL_SECONDS * 1000);
    await this.users.requestEmailVerification(user._id, request.stored, issuedBefore, [request.event]);
  }
}
