import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

import { PaginationQuery } from '../common/pagination.query';

/** `?queue&page&limit` of the dead-letter list. */
export class ListDeadLettersQuery extends PaginationQuery {
  @ApiPropertyOptional({
    example: 'orders.events.dlq',
    description: "Only this dead-letter queue's messages",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^[a-z][a-z0-9._-]*$/, { message: 'queue must be a queue name' })
  queue?: string;
}

/**
 * What the gateway asks one service for. A list over every service merges the services' newest
 * `page * limit` entries, so a service serves windows larger than a public page.
 */
export class DeadLetterWindowQuery {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  queue?: string;

  @IsInt()
  @Min(0)
  skip = 0;

  @IsInt()
  @Min(1)
  @Max(10_000)
  limit = 20;
}

/** Names one parked event (`<service>.<messageId>`). */
export class DeadLetterIdCommand {
  @IsString()
  @MaxLength(200)
  id!: string;
}
