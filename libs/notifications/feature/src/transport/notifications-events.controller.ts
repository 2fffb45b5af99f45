import type { OrderNotice } from '@bookstore/notifications/domain';
import { renderOrderNotice } from '@bookstore/notifications/domain';
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
import { EventPayloadPipe } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { NotifyUserHandler } from '../events/notify-user/notify-user.handler';
import { UserRegisteredHandler } from '../events/user-registered/user-registered.handler';

type OrderEvent = EventEnvelope<OrderStatusChangedPayload>;

/** The events that notify a user. The handlers are idempotent by themselves (natural keys). */
@Controller()
export class NotificationsEventsController {
  constructor(
    private readonly userRegistered: UserRegisteredHandler,
    private readonly notifyUser: NotifyUserHandler,
  ) {}

  @EventPattern(USER_REGISTERED)
  registered(@Payload(EventPayloadPipe) event: EventEnvelope<UserRegisteredPayload>): Promise<void> {
    return this.userRegistered.execute(event);
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

  private order(notice: OrderNotice, event: OrderEvent): Promise<void> {
    return this.notifyUser.execute(event, event.payload.userId, renderOrderNotice(notice, event.payload));
  }
}
