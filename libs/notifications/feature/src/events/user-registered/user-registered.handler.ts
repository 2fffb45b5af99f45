import { renderWelcome } from '@bookstore/notifications/domain';
import type { EventEnvelope, UserRegisteredPayload } from '@bookstore/shared/contracts';
import { Injectable } from '@nestjs/common';

import { UserDirectoryRepository } from '../../persistence/user-directory.repository';
import { NotifyUserHandler } from '../notify-user/notify-user.handler';

/**
 * A new user: remember their address (order events name only the user id) and welcome them. The
 * contact is an upsert keyed by the user id and the welcome is keyed by the event, so copies of
 * the event change nothing.
 */
@Injectable()
export class UserRegisteredHandler {
  constructor(
    private readonly directory: UserDirectoryRepository,
    private readonly notifyUser: NotifyUserHandler,
  ) {}

  async execute(event: EventEnvelope<UserRegisteredPayload>): Promise<void> {
    const { userId, email, name } = event.payload;
    await this.directory.remember({ userId, email, name });
    await this.notifyUser.execute(event, userId, renderWelcome({ userId, name }));
  }
}
