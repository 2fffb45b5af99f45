import { randomUUID } from 'node:crypto';

import type { Role, TokenPairDto, UserDto } from '@bookstore/shared/contracts';
import { ISSUED_AT_MS_CLAIM } from '@bookstore/shared/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { AUTH_CONFIG } from '../../auth.tokens';
import type { AuthConfig } from '../../config/auth.config';
import { KeyStore } from './key-store';
import { ACCESS_TOKEN_ALG } from './signing-keys';

/**
 * Signs access tokens with @nestjs/jwt (RS256, the key ring's signing key): sub, roles,
 * email_verified, jti, iss, aud, iat, exp; `kid` in the header.
 */
@Injectable()
export class AccessTokenSigner {
  constructor(
    private readonly keys: KeyStore,
    private readonly jwt: JwtService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  sign(userId: string, roles: Role[], emailVerified = false): Promise<string> {
    const key = this.keys.signing();
    const nowMs = Date.now();
    const now = Math.floor(nowMs / 1000);
    // The millisecond issue time: compared with a user's sessions mark (revocation) by the gateway.
    return this.jwt.signAsync(
      {
        roles,
        email_verified: emailVerified,
        [ISSUED_AT_MS_CLAIM]: nowMs,
        iat: now,
        exp: now + this.config.ACCESS_TOKEN_TTL_SECONDS,
      },
      {
        algorithm: ACCESS_TOKEN_ALG,
        privateKey: key.privateKey,
        keyid: key.kid,
        header: { alg: ACCESS_TOKEN_ALG, kid: key.kid, typ: 'JWT' },
        subject: userId,
        jwtid: randomUUID(),
        issuer: this.config.JWT_ISSUER,
        audience: this.config.JWT_AUDIENCE,
      },
    );
  }

  /** What a login or a refresh answers: a fresh access token with the user's roles, and `refreshToken`. */
  async pair(user: UserDto, refreshToken: string): Promise<TokenPairDto> {
    return {
      accessToken: await this.sign(user.id, user.roles, user.emailVerified),
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      refreshExpiresIn: this.config.REFRESH_TOKEN_TTL_SECONDS,
    };
  }
}
