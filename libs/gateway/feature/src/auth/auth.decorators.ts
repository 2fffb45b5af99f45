import type { Actor } from '@bookstore/shared/contracts';
import { Role } from '@bookstore/shared/contracts';
import type { ExecutionContext } from '@nestjs/common';
import { applyDecorators, createParamDecorator, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

import { AccessTokenGuard } from './access-token.guard';
import { RolesGuard } from './roles.guard';

export const ROLES_KEY = 'bookstore:roles';

/** The route needs a valid, non-revoked access token; the verified caller becomes the Actor. */
export function Authenticated(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(AccessTokenGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, invalid, expired or revoked access token' }),
  );
}

/** The route needs one of these roles (and a valid token). */
export function Roles(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    UseGuards(AccessTokenGuard, RolesGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, invalid, expired or revoked access token' }),
    ApiForbiddenResponse({ description: `Requires role: ${roles.join(' or ')}` }),
  );
}

/** Shorthand for `@Roles(Role.Admin)`. */
export function AdminOnly(): MethodDecorator & ClassDecorator {
  return Roles(Role.Admin);
}

/** The verified caller, as set by AccessTokenGuard. Never built from client headers. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ user?: Actor }>();
  return request.user as Actor;
});
