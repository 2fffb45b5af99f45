import { DynamicModule, Module } from '@nestjs/common';

import { NotificationsConfig } from './config/notifications.config';

/** Event types the notifications service consumes; its events queue is bound to exactly these. */
export const NOTIFICATIONS_SUBSCRIPTIONS: readonly string[] = [];

/** The notifications service's use cases: message handlers, persistence and domain wiring. */
@Module({})
export class NotificationsFeatureModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return { module: NotificationsFeatureModule, providers: [{ provide: 'CONFIG', useValue: config }] };
  }
}
