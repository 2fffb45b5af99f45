import { loadConfig } from '@bookstore/shared/platform';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';

import { AccessTokenVerifier } from './access-token.verifier';
import { AuthController } from './auth.controller';
import { AuthRoutesConfig } from './auth-routes.config';
import { AUTH_ROUTES_CONFIG } from './auth-routes.tokens';
import { ClientRateLimiter } from './client-rate-limiter';
import { JwksCache } from './jwks-cache';
import { LoginThrottle } from './login-throttle';
import { TokenDenylist } from './token-denylist';
import { TokenRevocations } from './token-revocations';

/**
 * The public `/api/v1/auth` routes (HTTP in, RPC to the auth service out) and the local access-token
 * verification every other route module uses through `@Authenticated()` / `@Roles()`: global, as
 * those guards are instantiated in the route modules and need the verifier there.
 */
@Global()
@Module({
  // Keys and verify options are given per call (the key by `kid`, from the JWKS cache).
  imports: [JwtModule.register({})],
  controllers: [AuthController],
  providers: [
    { provide: AUTH_ROUTES_CONFIG, useFactory: () => loadConfig(AuthRoutesConfig) },
    JwksCache,
    TokenDenylist,
    ClientRateLimiter,
    LoginThrottle,
    AccessTokenVerifier,
    TokenRevocations,
  ],
  exports: [AccessTokenVerifier, JwksCache, TokenDenylist, TokenRevocations, ClientRateLimiter],
})
export class AuthRoutesModule {}
