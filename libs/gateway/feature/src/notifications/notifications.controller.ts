import type { Actor } from '@bookstore/shared/contracts';
import {
  ErrorResponseDto,
  NotificationDto,
  NotificationPageDto,
  NOTIFICATIONS_PATTERNS,
  PaginationQuery,
} from '@bookstore/shared/contracts';
import { RpcClient } from '@bookstore/shared/messaging';
import type { MessageEvent } from '@nestjs/common';
import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Sse } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Observable } from 'rxjs';

import type { VerifiedAccessToken } from '../auth';
import { Authenticated, CurrentAccessToken, CurrentActor } from '../auth';
import { NotificationStreamService } from './notification-stream.service';

/** `/api/v1/notifications`: the caller's notifications, and their live stream. */
@ApiTags('notifications')
@ApiExtraModels(NotificationDto)
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly streams: NotificationStreamService,
  ) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "The caller's notifications, newest first" })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  list(@CurrentActor() actor: Actor, @Query() query: PaginationQuery): Promise<NotificationPageDto> {
    return this.rpc.send('notifications', NOTIFICATIONS_PATTERNS.list, { ...query }, { actor });
  }

  @Sse('stream')
  @Authenticated()
  @ApiOperation({
    summary: "Live stream of the caller's new notifications (Server-Sent Events)",
    description:
      'Each new notification arrives as an event of type `notification` whose data is a ' +
      'NotificationDto; a `: heartbeat` comment comes every 15 s. The stream ends when the access ' +
      'token that opened it expires or is revoked (logout, logout-all, role change, password reset).',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'text/event-stream; every `data:` line is a JSON NotificationDto',
    // The body is a stream of text events, not one JSON document: described as a string.
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  stream(
    @CurrentActor() actor: Actor,
    @CurrentAccessToken() token: VerifiedAccessToken,
  ): Observable<MessageEvent> {
    return this.streams.forUser(actor.userId, token);
  }

  @Post(':id/read')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: "Unknown, malformed or someone else's" })
  markRead(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<NotificationDto> {
    return this.rpc.send('notifications', NOTIFICATIONS_PATTERNS.markRead, { id }, { actor });
  }
}
