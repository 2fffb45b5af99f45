import type { Actor } from '@bookstore/shared/contracts';
import {
  AUTH_PATTERNS,
  ErrorResponseDto,
  JwksDto,
  LoginDto,
  RefreshTokenDto,
  RegisterDto,
  TokenPairDto,
  UpdateRolesDto,
  UserDto,
} from '@bookstore/shared/contracts';
import { RpcClient } from '@bookstore/shared/messaging';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { AdminOnly, Authenticated, CurrentActor } from './auth.decorators';
import { clientKeyOf } from './client-key';
import { ClientRateLimit } from './client-rate-limit.decorator';
import { JwksCache } from './jwks-cache';
import { LoginThrottle } from './login-throttle';
import { TokenDenylist } from './token-denylist';
import { TokenRevocations } from './token-revocations';
import type { VerifiedAccessToken } from './verified-access-token';
import { CurrentAccessToken } from './verified-access-token';

/** The public `/api/v1/auth` routes: HTTP in, RPC to the auth service out. */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly throttle: LoginThrottle,
    private readonly denylist: TokenDenylist,
    private readonly jwks: JwksCache,
    private readonly revocations: TokenRevocations,
  ) {}

  @Post('register')
  @ApiOperation({ summary: 'Create a customer account' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Email already registered' })
  @ClientRateLimit('register')
  register(@Body() body: RegisterDto): Promise<UserDto> {
    return this.rpc.send('auth', AUTH_PATTERNS.register, body);
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Exchange credentials for an access and a refresh token' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Bad credentials' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Too many failures; see Retry-After' })
  async login(@Body() body: LoginDto, @Req() req: FastifyRequest): Promise<TokenPairDto> {
    const client = clientKeyOf(req);
    // Counted as a failure before argon2 runs; only a success gives the attempt back.
    await this.throttle.reserve(body.email, client);
    const pair = await this.rpc.send<TokenPairDto>('auth', AUTH_PATTERNS.login, body);
    await this.throttle.succeeded(body.email, client);
    return pair;
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Spend a refresh token for a new pair (reusing a spent one revokes its family)' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Unknown, spent, revoked or expired' })
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPairDto> {
    return this.rpc.send('auth', AUTH_PATTERNS.refresh, body);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End the session: the refresh token and this access token stop working' })
  @ApiNoContentResponse({ description: 'Logged out' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Invalid access or refresh token' })
  async logout(
    @Body() body: RefreshTokenDto,
    @CurrentActor() actor: Actor,
    @CurrentAccessToken() token: VerifiedAccessToken,
  ): Promise<void> {
    await this.rpc.send('auth', AUTH_PATTERNS.logout, body, { actor });
    await this.denylist.add(token.jti, token.exp);
    this.revocations.tokenRevoked(token.jti);
  }

  @Post('logout-all')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'End every session of the caller',
    description:
      'Every refresh token of the caller is revoked and every access token issued before now stops ' +
      'working at once, on every gateway; their notification streams close. A login afterwards works.',
  })
  @ApiNoContentResponse({ description: 'Every session ended' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not authenticated' })
  async logoutAll(@CurrentActor() actor: Actor): Promise<void> {
    await this.rpc.send('auth', AUTH_PATTERNS.logoutAll, {}, { actor });
  }

  @Get('me')
  @Authenticated()
  @ApiOperation({ summary: 'The caller’s account' })
  @ApiOkResponse({ type: UserDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not authenticated' })
  me(@CurrentActor() actor: Actor): Promise<UserDto> {
    return this.rpc.send('auth', AUTH_PATTERNS.me, {}, { actor });
  }

  @Patch('users/:id/roles')
  @AdminOnly()
  @ApiOperation({ summary: 'Replace a user’s roles (admin)' })
  @ApiOkResponse({ type: UserDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid roles' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not authenticated' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such user' })
  updateRoles(
    @Param('id') id: string,
    @Body() body: UpdateRolesDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserDto> {
    return this.rpc.send('auth', AUTH_PATTERNS.updateRoles, { userId: id, roles: body.roles }, { actor });
  }

  @Get('.well-known/jwks.json')
  @ApiOperation({ summary: 'Public keys (JWKS) that verify access tokens' })
  @ApiOkResponse({ type: JwksDto })
  jwksDocument(): Promise<JwksDto> {
    return this.jwks.fetch();
  }
}
