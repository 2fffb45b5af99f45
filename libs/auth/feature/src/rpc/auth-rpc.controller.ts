import type { Actor, JwksDto, RpcRequest, TokenPairDto, UserDto } from '@bookstore/shared/contracts';
import {
  AUTH_PATTERNS,
  DomainError,
  isAdmin,
  LoginDto,
  RefreshTokenDto,
  RegisterDto,
  UpdateUserRolesPayload,
} from '@bookstore/shared/contracts';
import { RpcPayloadPipe } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { KeyStore } from '../keys/key-store';
import { TokenIssuer } from '../tokens/token-issuer';
import { UsersService } from '../users/users.service';

/**
 * The auth service's request/reply API. Who asks is only ever `req.actor`, which the gateway set
 * from a verified access token; nothing a client sent is trusted for identity.
 */
@Controller()
export class AuthRpcController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenIssuer,
    private readonly keys: KeyStore,
  ) {}

  @MessagePattern(AUTH_PATTERNS.register)
  register(@Payload(new RpcPayloadPipe(RegisterDto)) req: RpcRequest<RegisterDto>): Promise<UserDto> {
    return this.users.register(req.payload);
  }

  @MessagePattern(AUTH_PATTERNS.login)
  async login(@Payload(new RpcPayloadPipe(LoginDto)) req: RpcRequest<LoginDto>): Promise<TokenPairDto> {
    const user = await this.users.verifyCredentials(req.payload.email, req.payload.password);
    return this.tokens.startSession(user);
  }

  @MessagePattern(AUTH_PATTERNS.refresh)
  refresh(
    @Payload(new RpcPayloadPipe(RefreshTokenDto)) req: RpcRequest<RefreshTokenDto>,
  ): Promise<TokenPairDto> {
    return this.tokens.refresh(req.payload.refreshToken);
  }

  /** Replies with a body (not void): an empty reply would read as "no answer" at the caller. */
  @MessagePattern(AUTH_PATTERNS.logout)
  async logout(
    @Payload(new RpcPayloadPipe(RefreshTokenDto)) req: RpcRequest<RefreshTokenDto>,
  ): Promise<{ revoked: true }> {
    await this.tokens.logout(req.payload.refreshToken, requireActor(req.actor).userId);
    return { revoked: true };
  }

  @MessagePattern(AUTH_PATTERNS.me)
  async me(@Payload() req: RpcRequest): Promise<UserDto> {
    const user = await this.users.findById(requireActor(req.actor).userId);
    if (!user) throw DomainError.unauthorized('AUTH.UNAUTHORIZED', 'Authentication required');
    return user;
  }

  @MessagePattern(AUTH_PATTERNS.updateRoles)
  updateRoles(
    @Payload(new RpcPayloadPipe(UpdateUserRolesPayload)) req: RpcRequest<UpdateUserRolesPayload>,
  ): Promise<UserDto> {
    if (!isAdmin(requireActor(req.actor))) {
      throw DomainError.forbidden('AUTH.FORBIDDEN', 'You do not have the role this action requires');
    }
    return this.users.updateRoles(req.payload.userId, req.payload.roles);
  }

  @MessagePattern(AUTH_PATTERNS.jwks)
  jwks(): JwksDto {
    return this.keys.jwks();
  }
}

function requireActor(actor: Actor | undefined): Actor {
  if (!actor || typeof actor.userId !== 'string') {
    throw DomainError.unauthorized('AUTH.UNAUTHORIZED', 'Authentication required');
  }
  return actor;
}
