import { ApiProperty } from '@nestjs/swagger';

import type { Page } from '../common/page';
import { NotificationDto } from './notification.dto';

/** A page of notifications, newest first. */
export class NotificationPageDto implements Page<NotificationDto> {
  @ApiProperty({ type: [NotificationDto] })
  items!: NotificationDto[];

  @ApiProperty({ minimum: 0 })
  total!: number;

  @ApiProperty({ minimum: 1 })
  page!: number;

  @ApiProperty({ minimum: 1, maximum: 100 })
  limit!: number;
}
