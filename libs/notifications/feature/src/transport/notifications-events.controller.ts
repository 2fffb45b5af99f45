import type { OrderNotice } from '@bookstore/notifications/domain';
import { renderOrderNotice, renderWelcome } from '@bookstore/notifications/domain';
import type {
  EventEnvelope,
  OrderStatusChangedPayload,
  UserRegisteredPayload,
} from '@bookstore/shared/contracts';
import {
  ORDER_CANCELLED,
  ORDER_CONFIRMED,
  ORDER_DELIVERED,
  ORDER_REJECTED,
  ORDER_SHIPPED,
  USER_REGISTERED,
} from '@bookstore/shared/contracts';
import { EventPayloadPipe, InboxService } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { NotifyHandler } from '../consuming/notify.handler';
import { UserDirectoryRepository } from '../persistence/user-directory.repository';

type OrderEvent = EventEnvelope<OrderStatusChangedPayload>;

/** The events that notify a user; each is handled once per event id (inbox + unique index). */
@Controller()
export class NotificationEventsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly directory: UserDirectoryRepository,
    private readonly notifier: NotifyHandler,
  ) {}

  @EventPattern(USER_REGISTERED)
  async registered(@Payload(EventPayloadPipe) event: EventEnvelope<UserRegisteredPayload>): Promise<void> {
    const { userId, email, name } = event.payload;
    await this.inbox.once(event, async () => {
      await this.directory.remember({ userId, email, name });
      await this.notifier.notify(event, userId, renderWelcome({ userId, name }));
    });
  }

  @EventPattern(ORDER_CONFIRMED)
  confirmed(@Payload(EventPayloadPipe) event: OrderEvent): Promise<void> {
    return this.order('confirmed', event);
  }

  @EventPattern(ORDER_REJECTED)
  rejected(@Payload(EventPayloadPipe) event: OrderEvent): Promise<void> {
    return this.order('rejected', event);
  }

  @EventPattern(ORDER_CANCELLED)
  cancelled(@Payload(EventPayloadPipe) event: OrderEvent): Promise<void> {
    return this.order('cancelled', event);
  }

  @EventPattern(ORDER_SHIPPED)
  shipped(@Payload(EventPayloadPipe) event: OrderEvent): Promise<void> {
    return this.order('shipped', event);
  }

  @EventPattern(ORDER_DELIVERED)
  delivered(@Payload(EventPayloadPipe) event: OrderEvent): Promise<void> {
    return this.order('delivered', event);
  }

  private async order(notice: OrderNotice, event: OrderEvent): Promise<void> {
    await this.inbox.once(event, () =>
      this.notifier.notify(event, event.payload.userId, renderOrderNotice(notice, event.payload)),
    );
  }
}
