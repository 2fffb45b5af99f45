import type { OrderNotice } from '@bookstore/notifications/domain';
import { renderOrderNotice } from '@bookstore/notifications/domain';
import type {
  EventEnvelope,
  OrderStatusChangedPayload,
  UserEmailVerificationRequestedPayload,
  UserPasswordResetRequestedPayload,
  UserRegisteredPayload,
} from '@bookstore/shared/contracts';
import {
  ORDER_CANCELLED,
  ORDER_CONFIRMED,
  ORDER_DELIVERED,
  ORDER_REJECTED,
  ORDER_SHIPPED,
  USER_EMAIL_VERIFICATION_REQUESTED,
  USER_PASSWORD_RESET_REQUESTED,
  USER_REGISTERED,
} from '@bookstore/shared/contracts';
import { EventPayloadPipe } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';

import { EmailVerificationRequestedHandler } from '../events/email-verification-requested/email-verification-requested.handler';
import { NotifyUserHandler } from '../events/notify-user/notify-user.handler';
import { PasswordResetRequestedHandler } from '../events/password-reset-requested/password-reset-requested.handler';
import { UserRegisteredHandler } from '../events/user-registered/user-registered.handler';

type OrderEvent = EventEnvelope<OrderStatusChangedPayload>;

/** The events that notify a user. The handlers are idempotent by themselves (natural keys). */
@Controller()
export class NotificationsEventsController {
  constructor(
    private readonly userRegistered: UserRegisteredHandler,
    private readonly notifyUser: NotifyUserHandler,
    private readonly passwordResetRequested: PasswordResetRequestedHandler,
    private readonly emailVerificationRequested: EmailVerificationRequestedHandler,
  ) {}

  @EventPattern(USER_REGISTERED)
  registered(@Payload(EventPayloadPipe) event: EventEnvelope<UserRegisteredPayload>): Promise<void> {
    return this.userRegistered.execute(event);
  }

  @EventPattern(USER_PASSWORD_RESET_REQUESTED)
  passwordReset(
    @Payload(EventPayloadPipe) event: EventEnvelope<UserPasswordResetRequestedPayload>,
  ): Promise<void> {
    return this.passwordResetRequested.execute(event);
  }

  @EventPattern(USER_EMAIL_VERIFICATION_REQUESTED)
  emailVerification(
    @Payload(EventPayloadPipe) event: EventEnvelope<UserEmailVerificationRequestedPayload>,
  ): Promise<void> {
    return this.emailVerificationRequested.execute(event);
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
