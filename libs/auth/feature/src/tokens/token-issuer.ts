import { RefreshTokenFamilies } from '@bookstore/auth/domain';
import type { TokenPairDto, UserDto } from '@bookstore/shared/contracts';
import { DomainError } from '@bookstore/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { AUTH_CONFIG } from '../auth.tokens';
import type { AuthConfig } from '../config/auth.config';
import { UsersService } from '../users/users.service';
import { AccessTokenSigner } from './access-token.signer';

/** Login, refresh and logout in terms of token pairs. */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly families: RefreshTokenFamilies,
    private readonly signer: AccessTokenSigner,
    private readonly users: UsersService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** A new session (token family) for a user whose credentials were checked. */
  async startSession(user: UserDto): Promise<TokenPairDto> {
    const refresh = await this.families.start(user.id);
    return this.pair(user, refresh.token);
  }

  /** Spends the refresh token and returns the next pair, with the user's current roles. */
  async refresh(refreshToken: string): Promise<TokenPairDto> {
    const next = await this.families.rotate(String(refreshToken));
    const user = await this.users.findById(next.userId);
    if (!user) throw DomainError.unauthorized('AUTH.REFRESH_INVALID', 'Invalid or expired refresh token');
    return this.pair(user, next.token);
  }

  /** Ends the session of that refresh token, when it is the caller's. */
  logout(refreshToken: string, userId: string): Promise<void> {
    return this.families.revoke(String(refreshToken), userId);
  }

  private async pair(user: UserDto, refreshToken: string): Promise<TokenPairDto> {
    return {
      accessToken: await this.signer.sign(user.id, user.roles),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.signer.lifetimeSeconds,
      refreshExpiresIn: this.config.REFRESH_TOKEN_TTL_SECONDS,
    };
  }
}
