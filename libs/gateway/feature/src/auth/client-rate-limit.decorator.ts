import { ErrorResponseDto } from '@bookstore/shared/contracts';
import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';

import { CLIENT_RATE_LIMIT_KEY, ClientRateLimitGuard } from './client-rate-limit.guard';
import type { ClientRateLimitName } from './client-rate-limits';

/**
 * Limits the route per client (clientKeyOf) with the rule `name` of clientRateLimitRules: past it,
 * 429 with Retry-After in the shared error shape. The module of the controller must provide
 * ClientRateLimiter (AuthRoutesModule does and exports it).
 *
 * @example `@Post('register') @ClientRateLimit('register') register(...)`
 */
export function ClientRateLimit(name: ClientRateLimitName): MethodDecorator {
  return applyDecorators(
    SetMetadata(CLIENT_RATE_LIMIT_KEY, name),
    UseGuards(ClientRateLimitGuard),
    ApiTooManyRequestsResponse({
      type: ErrorResponseDto,
      description: 'Too many requests from this client; see Retry-After',
      headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
    }),
  );
}
