import { loadConfig } from '@bookstore/shared/platform';
import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';

import { AuthController } from './auth.controller';
import { AuthRoutesConfig } from './auth-routes.config';
import { AUTH_ROUTES_CONFIG } from './auth-routes.tokens';
import { ClientRateLimiter } from './client-rate-limiter';
import { JwksCache } from './jwks-cache';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottle } from './login-throttle';
import { TokenDenylist } from './token-denylist';

/**
 * The public `/api/v1/auth` routes (HTTP in, RPC to the auth service out) and the local access-token
 * verification every other route module uses through `@Authenticated()` / `@Roles()`.
 */
@Module({
  imports: [PassportModule.register({ session: false })],
  controllers: [AuthController],
  providers: [
    { provide: AUTH_ROUTES_CONFIG, useFactory: () => loadConfig(AuthRoutesConfig) },
    JwksCache,
    TokenDenylist,
    ClientRateLimiter,
    LoginThrottle,
    JwtStrategy,
  ],
  exports: [JwksCache, TokenDenylist, ClientRateLimiter],
})
export class AuthRoutesModule {}
