import type { Actor, JwksDto, RpcRequest, TokenPairDto, UserDto } from '@bookstore/shared/contracts';
import {
  AUTH_PATTERNS,
  ForgotPasswordDto,
  LoginDto,
  RefreshTokenDto,
  RegisterDto,
  ResetPasswordDto,
  UpdateUserRolesPayload,
  VerifyEmailDto,
} from '@bookstore/shared/contracts';
import { RpcPayloadPipe } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { unauthorized } from '../auth.errors';
import { ForgotPasswordHandler } from '../commands/forgot-password/forgot-password.handler';
import { LoginHandler } from '../commands/login/login.handler';
import { LogoutHandler } from '../commands/logout/logout.handler';
import { LogoutAllHandler } from '../commands/logout-all/logout-all.handler';
import { RefreshHandler } from '../commands/refresh/refresh.handler';
import { RegisterHandler } from '../commands/register/register.handler';
import { ResendVerificationHandler } from '../commands/resend-verification/resend-verification.handler';
import { ResetPasswordHandler } from '../commands/reset-password/reset-password.handler';
import { UpdateRolesHandler } from '../commands/update-roles/update-roles.handler';
import { VerifyEmailHandler } from '../commands/verify-email/verify-email.handler';
import { GetJwksHandler } from '../queries/get-jwks/get-jwks.handler';
import { GetUserHandler } from '../queries/get-user/get-user.handler';

/**
 * The auth service's request/reply API. Who asks is only ever `req.actor`, which the service set
 * itself from the forwarded access token, verified with its own keys (RequestActorInterceptor);
 * nothing a client or another holder of broker credentials sent is trusted for identity.
 */
@Controller()
export class AuthRpcController {
  constructor(
    private readonly registerUser: RegisterHandler,
    private readonly loginUser: LoginHandler,
    private readonly refreshTokens: RefreshHandler,
    private readonly logoutUser: LogoutHandler,
    private readonly logoutEverywhere: LogoutAllHandler,
    private readonly updateUserRoles: UpdateRolesHandler,
    private readonly getUser: GetUserHandler,
    private readonly getJwks: GetJwksHandler,
    private readonly forgotPasswordOf: ForgotPasswordHandler,
    private readonly resetPasswordWith: ResetPasswordHandler,
    private readonly verifyEmailWith: VerifyEmailHandler,
    private readonly resendVerificationTo: ResendVerificationHandler,
  ) {}

  @MessagePattern(AUTH_PATTERNS.register)
  register(@Payload(new RpcPayloadPipe(RegisterDto)) req: RpcRequest<RegisterDto>): Promise<UserDto> {
    return this.registerUser.execute(req.payload);
  }

  @MessagePattern(AUTH_PATTERNS.login)
  login(@Payload(new RpcPayloadPipe(LoginDto)) req: RpcRequest<LoginDto>): Promise<TokenPairDto> {
    return this.loginUser.execute(req.payload);
  }

  @MessagePattern(AUTH_PATTERNS.refresh)
  refresh(
    @Payload(new RpcPayloadPipe(RefreshTokenDto)) req: RpcRequest<RefreshTokenDto>,
  ): Promise<TokenPairDto> {
    return this.refreshTokens.execute(req.payload.refreshToken);
  }

  /** Replies with a body (not void): an empty reply would read as "no answer" at the caller. */
  @MessagePattern(AUTH_PATTERNS.logout)
  async logout(
    @Payload(new RpcPayloadPipe(RefreshTokenDto)) req: RpcRequest<RefreshTokenDto>,
  ): Promise<{ revoked: true }> {
    await this.logoutUser.execute(requireActor(req.actor), req.payload.refreshToken);
    return { revoked: true };
  }

  /** Ends every session of the caller; replies with a body for the same reason as logout. */
  @MessagePattern(AUTH_PATTERNS.logoutAll)
  async logoutAll(@Payload() req: RpcRequest): Promise<{ revoked: true }> {
    await this.logoutEverywhere.execute(requireActor(req.actor));
    return { revoked: true };
  }

  @MessagePattern(AUTH_PATTERNS.me)
  me(@Payload() req: RpcRequest): Promise<UserDto> {
    return this.getUser.execute(requireActor(req.actor));
  }

  @MessagePattern(AUTH_PATTERNS.updateRoles)
  updateRoles(
    @Payload(new RpcPayloadPipe(UpdateUserRolesPayload)) req: RpcRequest<UpdateUserRolesPayload>,
  ): Promise<UserDto> {
    return this.updateUserRoles.execute(requireActor(req.actor), req.payload.userId, req.payload.roles);
  }

  @MessagePattern(AUTH_PATTERNS.jwks)
  jwks(): JwksDto {
    return this.getJwks.execute();
  }

  /** The same reply whether the e-mail has an account or not. */
  @MessagePattern(AUTH_PATTERNS.forgotPassword)
  async forgotPassword(
    @Payload(new RpcPayloadPipe(ForgotPasswordDto)) req: RpcRequest<ForgotPasswordDto>,
  ): Promise<{ accepted: true }> {
    await this.forgotPasswordOf.execute(req.payload);
    return { accepted: true };
  }

  @MessagePattern(AUTH_PATTERNS.resetPassword)
  async resetPassword(
    @Payload(new RpcPayloadPipe(ResetPasswordDto)) req: RpcRequest<ResetPasswordDto>,
  ): Promise<{ reset: true }> {
    await this.resetPasswordWith.execute(req.payload);
    return { reset: true };
  }

  @MessagePattern(AUTH_PATTERNS.verifyEmail)
  async verifyEmail(
    @Payload(new RpcPayloadPipe(VerifyEmailDto)) req: RpcRequest<VerifyEmailDto>,
  ): Promise<{ verified: true }> {
    await this.verifyEmailWith.execute(req.payload);
    return { verified: true };
  }

  @MessagePattern(AUTH_PATTERNS.resendVerification)
  async resendVerification(@Payload() req: RpcRequest): Promise<{ accepted: true }> {
    await this.resendVerificationTo.execute(requireActor(req.actor));
    return { accepted: true };
  }
}

function requireActor(actor: Actor | undefined): Actor {
  if (!actor || typeof actor.userId !== 'string') throw unauthorized();
  return actor;
}
