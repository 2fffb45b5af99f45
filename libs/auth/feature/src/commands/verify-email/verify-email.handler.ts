import { hashAccountToken } from '@bookstore/auth/domain';
import type { VerifyEmailDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { verificationTokenInvalid } from '../../auth.errors';
import { UsersRepository } from '../../persistence/users.repository';

/**
 * Spends a verification token and marks the address verified, in one conditional update (a token
 * works once). The flag shows in the user's next access token (`email_verified`), at the next
 * login or refresh.
 */
@Injectable()
export class VerifyEmailHandler {
  constructor(private readonly users: UsersRepository) {}

  async execute(input: VerifyEmailDto): Promise<void> {
    const user = await this.users.verifyEmail(hashAccountToken(String(input.token)), new Date());
    if (!user) throw verificationTokenInvalid();
  }
}
