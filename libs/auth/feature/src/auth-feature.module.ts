import { RefreshTokenFamilies } from '@bookstore/auth/domain';
import { lockedOutboxRelayProvider } from '@bookstore/shared/messaging';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';

import { AUTH_CONFIG, USERS_OUTBOX_RELAY } from './auth.tokens';
import type { AuthConfig } from './config/auth.config';
import { KeyStore } from './keys/key-store';
import { AuthRpcController } from './rpc/auth-rpc.controller';
import { AccessTokenSigner } from './tokens/access-token.signer';
import { MongoRefreshTokenStore } from './tokens/mongo-refresh-token.store';
import { RefreshToken, RefreshTokenSchema } from './tokens/refresh-token.schema';
import { TokenIssuer } from './tokens/token-issuer';
import { AdminSeeder } from './users/admin-seeder';
import { PasswordHasher } from './users/password-hasher';
import { User, UserSchema } from './users/user.schema';
import { userLock, UsersService } from './users/users.service';

/** Event types the auth service consumes; its events queue is bound to exactly these. */
export const AUTH_SUBSCRIPTIONS: readonly string[] = [];

/** The auth service's use cases: message handlers, persistence and domain wiring. */
@Module({})
export class AuthFeatureModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: AuthFeatureModule,
      imports: [
        MongooseModule.forFeature([
          { name: User.name, schema: UserSchema },
          { name: RefreshToken.name, schema: RefreshTokenSchema },
        ]),
      ],
      controllers: [AuthRpcController],
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        lockedOutboxRelayProvider(USERS_OUTBOX_RELAY, [{ model: User.name, lockKey: userLock }]),
        {
          provide: RefreshTokenFamilies,
          inject: [MongoRefreshTokenStore],
          useFactory: (store: MongoRefreshTokenStore) =>
            new RefreshTokenFamilies(store, config.REFRESH_TOKEN_TTL_SECONDS * 1000),
        },
        MongoRefreshTokenStore,
        PasswordHasher,
        UsersService,
        AdminSeeder,
        KeyStore,
        AccessTokenSigner,
        TokenIssuer,
      ],
    };
  }
}
