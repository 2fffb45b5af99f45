import { RefreshTokenFamilies } from '@bookstore/auth/domain';
import type { TokenPairDto } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { AccessTokenSigner } from '../../adapters/keys/access-token.signer';
import { refreshInvalid } from '../../auth.errors';
import { toUserDto } from '../../persistence/to-user-dto';
import { UsersRepository } from '../../persistence/users.repository';

/**
 * Spends the refresh token and answers the next pair, with the user's current roles. A token is
 * spent at most once (the store's conditional update); presenting a spent one revokes its family.
 */
@Injectable()
export class RefreshHandler {
  constructor(
    private readonly families: RefreshTokenFamilies,
    private readonly users: UsersRepository,
    private readonly signer: AccessTokenSigner,
  ) {}

  async execute(refreshToken: string): Promise<TokenPairDto> {
    const next = await this.families.rotate(String(refreshToken));
    const user = await this.users.findById(next.userId);
    if (!user) throw refreshInvalid();
    return this.signer.pair(toUserDto(user), next.token);
  }
}
