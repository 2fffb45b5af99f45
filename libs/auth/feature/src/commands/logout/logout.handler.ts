import { RefreshTokenFamilies } from '@bookstore/auth/domain';
import type { Actor } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

/** Ends the session (the whole token family) of a refresh token, when it is the caller's. */
@Injectable()
export class LogoutHandler {
  constructor(private readonly families: RefreshTokenFamilies) {}

  execute(actor: Actor, refreshToken: string): Promise<void> {
    return this.families.revoke(String(refreshToken), actor.userId);
  }
}
