import type { Actor } from '@bookstore/shared/contracts';
import {
  AUTH_PATTERNS,
  ErrorResponseDto,
  ForgotPasswordDto,
  JwksDto,
  LoginDto,
  RefreshTokenDto,
  RegisterDto,
  ResetPasswordDto,
  TokenPairDto,
  UpdateRolesDto,
  UserDto,
  VerifyEmailDto,
} from '@bookstore/shared/contracts';
import { RpcClient } from '@bookstore/shared/messaging';
import { JwksCache } from '@bookstore/shared/security';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
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

  @Post('password/forgot')
  @HttpCode(HttpStatus.ACCEPTED)
  @ClientRateLimit('accountEmail')
  @ApiOperation({
    summary: 'E-mail a single-use password-reset link',
    description: 'The same answer whether the e-mail has an account or not; the link works once, briefly.',
  })
  @ApiAcceptedResponse({ description: 'Accepted; a link goes out if the address has an account' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body' })
  async forgotPassword(@Body() body: ForgotPasswordDto): Promise<void> {
    await this.rpc.send('auth', AUTH_PATTERNS.forgotPassword, body);
  }

  @Post('password/reset')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password with the token from the reset e-mail; every session ends' })
  @ApiNoContentResponse({
    description: 'Password changed; every refresh and access token of the user is void',
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body, or invalid or expired token' })
  async resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    await this.rpc.send('auth', AUTH_PATTERNS.resetPassword, body);
  }

  @Post('email/verify')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Verify the account’s e-mail address with the token from the e-mail' })
  @ApiNoContentResponse({ description: 'Verified; the next access token says `email_verified: true`' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body, or invalid or expired token' })
  async verifyEmail(@Body() body: VerifyEmailDto): Promise<void> {
    await this.rpc.send('auth', AUTH_PATTERNS.verifyEmail, body);
  }

  @Post('email/verify/resend')
  @Authenticated()
  @HttpCode(HttpStatus.ACCEPTED)
  @ClientRateLimit('accountEmail')
  @ApiOperation({
    summary: 'E-mail a new verification link to the caller',
    description: 'Nothing is sent when the address is verified already or a link went out a moment ago.',
  })
  @ApiAcceptedResponse({ description: 'Accepted' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Not authenticated' })
  async resendVerification(@CurrentActor() actor: Actor): Promise<void> {
    await this.rpc.send('auth', AUTH_PATTERNS.resendVerification, {}, { actor });
  }
}
