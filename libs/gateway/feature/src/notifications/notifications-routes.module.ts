import { Module } from '@nestjs/common';

/** The public `/api/v1/notifications` routes: HTTP in, RPC to the notifications service out. */
@Module({})
export class NotificationsRoutesModule {}
