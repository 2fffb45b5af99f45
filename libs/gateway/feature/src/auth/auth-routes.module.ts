import { RpcClient } from '@bookstore/shared/messaging';
import { loadConfig } from '@bookstore/shared/platform';
import { JwksCache, SignedTokenVerifier } from '@bookstore/shared/security';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';

import { AccessTokenVerifier } from './access-token.verifier';
import { AuthController } from './auth.controller';
import { AuthRoutesConfig } from './auth-routes.config';
import { AUTH_ROUTES_CONFIG } from './auth-routes.tokens';
import { ClientRateLimiter } from './client-rate-limiter';
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
  imports: [JwtModule.register({})],
  controllers: [AuthController],
  providers: [
    { provide: AUTH_ROUTES_CONFIG, useFactory: () => loadConfig(AuthRoutesConfig) },
    {
      provide: JwksCache,
      inject: [RpcClient, AUTH_ROUTES_CONFIG],
      useFactory: (rpc: RpcClient, config: AuthRoutesConfig) => JwksCache.fromConfig(rpc, config),
    },
    TokenDenylist,
    ClientRateLimiter,
    LoginThrottle,
    {
      provide: AccessTokenVerifier,
      inject: [JwksCache, TokenDenylist, AUTH_ROUTES_CONFIG],
      // No clock leeway here: the services behind allow a little for the time a request waits.
      useFactory: (jwks: JwksCache, denylist: TokenDenylist, config: AuthRoutesConfig) =>
        new AccessTokenVerifier(
          new SignedTokenVerifier(jwks, { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
          denylist,
        ),
    },
    TokenRevocations,
  ],
  exports: [AccessTokenVerifier, JwksCache, TokenDenylist, TokenRevocations, ClientRateLimiter],
})
export class AuthRoutesModule {}
