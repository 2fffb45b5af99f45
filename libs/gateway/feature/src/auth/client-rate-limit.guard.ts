import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { clientKeyOf } from './client-key';
import { ClientRateLimiter } from './client-rate-limiter';
import type { ClientRateLimitName } from './client-rate-limits';

export const CLIENT_RATE_LIMIT_KEY = 'bookstore:client-rate-limit';

/** Applies the limit `@ClientRateLimit(name)` put on the route, before the body is even validated. */
@Injectable()
export class ClientRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limiter: ClientRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const name = this.reflector.get<ClientRateLimitName | undefined>(
      CLIENT_RATE_LIMIT_KEY,
      context.getHandler(),
    );
    if (name) await this.limiter.consume(name, clientKeyOf(context.switchToHttp().getRequest()));
    return true;
  }
}
