import type { Actor, NotificationDto, NotificationPageDto, RpcRequest } from '@bookstore/shared/contracts';
import { NotificationIdCommand, NOTIFICATIONS_PATTERNS, PaginationQuery } from '@bookstore/shared/contracts';
import { RpcPayloadPipe } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { MarkReadHandler } from '../commands/mark-read/mark-read.handler';
import { unauthorized } from '../notifications.errors';
import { ListNotificationsHandler } from '../queries/list-notifications/list-notifications.handler';

/** Request/reply entry points of the notifications service. */
@Controller()
export class NotificationsRpcController {
  constructor(
    private readonly listNotifications: ListNotificationsHandler,
    private readonly markRead: MarkReadHandler,
  ) {}

  @MessagePattern(NOTIFICATIONS_PATTERNS.list)
  list(
    @Payload(new RpcPayloadPipe(PaginationQuery)) req: RpcRequest<PaginationQuery>,
  ): Promise<NotificationPageDto> {
    return this.listNotifications.execute(requireActor(req.actor), req.payload);
  }

  @MessagePattern(NOTIFICATIONS_PATTERNS.markRead)
  read(
    @Payload(new RpcPayloadPipe(NotificationIdCommand)) req: RpcRequest<NotificationIdCommand>,
  ): Promise<NotificationDto> {
    return this.markRead.execute(requireActor(req.actor), req.payload.id);
  }
}

function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw unauthorized();
  return actor;
}
