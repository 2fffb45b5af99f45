import { RpcClient } from '@bookstore/shared/messaging';
import { loadConfig } from '@bookstore/shared/platform';
import type { DynamicModule, INestApplicationContext, Provider } from '@nestjs/common';
import { Module } from '@nestjs/common';

import { ActorVerificationConfig } from '../config/actor-verification.config';
import { JwksCache } from '../jwks/jwks-cache';
import { PUBLIC_KEY_SOURCE } from '../security.tokens';
import type { PublicKeySource } from '../verification/public-key-source';
import { SignedTokenVerifier } from '../verification/signed-token.verifier';
import { RequestActorInterceptor } from './request-actor.interceptor';

const ACTOR_VERIFICATION_CONFIG = Symbol('ACTOR_VERIFICATION_CONFIG');
const JWKS_RPC_CLIENT = Symbol('JWKS_RPC_CLIENT');

export interface ActorVerificationOptions {
  /** Every broker node's URL: the JWKS comes from auth over RPC. */
  amqpUrls: readonly string[];
  /**
   * The service holds the signing keys itself (auth): it provides PUBLIC_KEY_SOURCE from its own
   * key ring, and no JWKS is fetched (no round trip to itself).
   */
  ownKeys?: boolean;
}

/**
 * What a service behind the gateway needs to verify the access token of each request: its settings
 * and, unless it holds the keys, the JWKS cache fed by `auth.jwks` (prefetched at start, refreshed
 * periodically). `requestActorInterceptor(app)` builds the interceptor the service runtime applies
 * to every RPC handler.
 */
@Module({})
export class ActorVerificationModule {
  static forService(options: ActorVerificationOptions): DynamicModule {
    const jwks: Provider[] = options.ownKeys
      ? []
      : [
          {
            provide: JWKS_RPC_CLIENT,
            inject: [ACTOR_VERIFICATION_CONFIG],
            useFactory: (config: ActorVerificationConfig) =>
              new RpcClient(options.amqpUrls, config.JWKS_RPC_TIMEOUT_MS),
          },
          {
            provide: PUBLIC_KEY_SOURCE,
            inject: [JWKS_RPC_CLIENT, ACTOR_VERIFICATION_CONFIG],
            useFactory: (rpc: RpcClient, config: ActorVerificationConfig) =>
              JwksCache.fromConfig(rpc, config),
          },
        ];
    return {
      module: ActorVerificationModule,
      global: true,
      providers: [
        { provide: ACTOR_VERIFICATION_CONFIG, useFactory: () => loadConfig(ActorVerificationConfig) },
        ...jwks,
      ],
      exports: [ACTOR_VERIFICATION_CONFIG],
    };
  }
}

/**
 * The interceptor that sets `actor` from the verified access token of each request, built from the
 * application's PUBLIC_KEY_SOURCE (JwksCache, or the key ring of a service that holds the keys).
 */
export function requestActorInterceptor(app: INestApplicationContext): RequestActorInterceptor {
  const config = app.get<ActorVerificationConfig>(ACTOR_VERIFICATION_CONFIG, { strict: false });
  const keys = app.get<PublicKeySource>(PUBLIC_KEY_SOURCE, { strict: false });
  return new RequestActorInterceptor(
    new SignedTokenVerifier(keys, {
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      clockToleranceSeconds: config.ACCESS_TOKEN_CLOCK_TOLERANCE_SECONDS,
    }),
  );
}
