import type { Actor, Role } from '@bookstore/shared/contracts';
import { DomainError } from '@bookstore/shared/contracts';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

import { ROLES_KEY } from './auth.decorators';

/** Lets a request through when the verified caller has one of the route's roles, else 403. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.length) return true;
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (actor && roles.some((role) => actor.roles.includes(role))) return true;
    throw DomainError.forbidden('AUTH.FORBIDDEN', 'You do not have the role this action requires');
  }
}
