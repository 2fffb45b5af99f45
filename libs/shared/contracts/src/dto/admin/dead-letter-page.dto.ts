import { ApiProperty } from '@nestjs/swagger';

import type { Page } from '../common/page';
import { DeadLetterDto } from './dead-letter.dto';

/** A page of parked events, newest first. */
export class DeadLetterPageDto implements Page<DeadLetterDto> {
  @ApiProperty({ type: [DeadLetterDto] })
  items!: DeadLetterDto[];

  @ApiProperty({ minimum: 0 })
  total!: number;

  @ApiProperty({ minimum: 1 })
  page!: number;

  @ApiProperty({ minimum: 1, maximum: 100 })
  limit!: number;
}
