import { RefreshTokenFamilies } from '@bookstore/auth/domain';
import { eventsConsumedBy } from '@bookstore/shared/contracts';
import { OutboxModule } from '@bookstore/shared/persistence';
import { PUBLIC_KEY_SOURCE } from '@bookstore/shared/security';
import type { DynamicModule, Provider } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';

import { AccessTokenSigner } from './adapters/keys/access-token.signer';
import { KeyStore } from './adapters/keys/key-store';
import { OwnPublicKeys } from './adapters/keys/own-public-keys';
import { PasswordHasher } from './adapters/password-hasher';
import { SessionMarks } from './adapters/session-marks';
import { AUTH_CONFIG } from './auth.tokens';
import { ForgotPasswordHandler } from './commands/forgot-password/forgot-password.handler';
import { LoginHandler } from './commands/login/login.handler';
import { LogoutHandler } from './commands/logout/logout.handler';
import { LogoutAllHandler } from './commands/logout-all/logout-all.handler';
import { RefreshHandler } from './commands/refresh/refresh.handler';
import { RegisterHandler } from './commands/register/register.handler';
import { ResendVerificationHandler } from './commands/resend-verification/resend-verification.handler';
import { ResetPasswordHandler } from './commands/reset-password/reset-password.handler';
import { SessionRevoker } from './commands/revoke-sessions/session-revoker';
import { SeedAdminHandler } from './commands/seed-admin/seed-admin.handler';
import { UpdateRolesHandler } from './commands/update-roles/update-roles.handler';
import { VerifyEmailHandler } from './commands/verify-email/verify-email.handler';
import type { AuthConfig } from './config/auth.config';
import { SessionsRevokedHandler } from './events/sessions-revoked/sessions-revoked.handler';
import { RefreshToken, RefreshTokenSchema } from './persistence/refresh-token.schema';
import { RefreshTokensRepository } from './persistence/refresh-tokens.repository';
import { User, UserSchema } from './persistence/user.schema';
import { UsersRepository } from './persistence/users.repository';
import { GetJwksHandler } from './queries/get-jwks/get-jwks.handler';
import { GetUserHandler } from './queries/get-user/get-user.handler';
import { AuthEventsController } from './transport/auth-events.controller';
import { AuthRpcController } from './transport/auth-rpc.controller';

/** Event types the auth service consumes (their EventDoc names it); its events queue is bound to exactly these. */
export const AUTH_SUBSCRIPTIONS: readonly string[] = eventsConsumedBy('auth');

const MODELS = MongooseModule.forFeature([
  { name: User.name, schema: UserSchema },
  { name: RefreshToken.name, schema: RefreshTokenSchema },
]);

/** The auth service's use cases, persistence and adapters (its config is provided by `forRoot`). */
const PROVIDERS: Provider[] = [
  UsersRepository,
  RefreshTokensRepository,
  {
    provide: RefreshTokenFamilies,
    inject: [RefreshTokensRepository, AUTH_CONFIG],
    useFactory: (store: RefreshTokensRepository, config: AuthConfig) =>
      new RefreshTokenFamilies(store, config.REFRESH_TOKEN_TTL_SECONDS * 1000),
  },
  PasswordHasher,
  KeyStore,
  AccessTokenSigner,
  RegisterHandler,
  LoginHandler,
  RefreshHandler,
  LogoutHandler,
  SessionMarks,
  SessionRevoker,
  LogoutAllHandler,
  SessionsRevokedHandler,
  UpdateRolesHandler,
  SeedAdminHandler,
  ForgotPasswordHandler,
  ResetPasswordHandler,
  VerifyEmailHandler,
  ResendVerificationHandler,
  GetUserHandler,
  GetJwksHandler,
];

/** The auth service: accounts, sessions (refresh-token families) and the keys that sign tokens. */
@Module({})
export class AuthFeatureModule {
  static forRoot(config: AuthConfig): DynamicModule {
    return {
      module: AuthFeatureModule,
      // Users carry an outbox (`user.registered`); refresh tokens do not.
      // JwtModule holds no key: each signature names the ring's current one (rotation).
      imports: [MODELS, OutboxModule.forFeature([User.name], [MODELS]), JwtModule.register({})],
      controllers: [AuthRpcController, AuthEventsController],
      providers: [
        { provide: AUTH_CONFIG, useValue: config },
        ...PROVIDERS,
        // Forwarded access tokens are verified with the service's own key ring (ServiceCoreModule's
        // ownSigningKeys): no JWKS round trip to itself.
        { provide: PUBLIC_KEY_SOURCE, useClass: OwnPublicKeys },
      ],
    };
  }
}
