import type { Actor } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { unauthorized } from '../../auth.errors';
import { SessionRevoker } from '../revoke-sessions/session-revoker';

/** Ends every session of the caller: all refresh tokens, all access tokens issued before now. */
@Injectable()
export class LogoutAllHandler {
  constructor(private readonly revoker: SessionRevoker) {}

  async execute(actor: Actor): Promise<void> {
    // A token of a user deleted since it was issued: nobody to log out.
    if (!(await this.revoker.revokeAll(actor.userId, 'logout-all'))) throw unauthorized();
  }
}
