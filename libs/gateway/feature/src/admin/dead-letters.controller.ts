import type { Actor, DeadLetterDto, Page } from '@bookstore/shared/contracts';
import {
  DeadLetterDetailDto,
  DeadLetterPageDto,
  deadLetterPatterns,
  ErrorResponseDto,
  ListDeadLettersQuery,
} from '@bookstore/shared/contracts';
import { RpcClient } from '@bookstore/shared/messaging';
import { Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { AdminOnly, CurrentActor } from '../auth';
import { serviceOfDeadLetter, servicesOfQueue } from './dead-letter-id';

/**
 * `/api/v1/admin/dead-letters`: the parked events of every service. Each service keeps its own
 * (`dead_letters`) and answers for them; a list without `?queue` merges the services' newest
 * entries into one page, newest first.
 */
@ApiTags('admin')
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @AdminOnly()
  @ApiOperation({
    summary: 'List parked events (admin), newest first',
    description: 'Events that kept failing through every retry tier, or were malformed, per service.',
  })
  @ApiOkResponse({ type: DeadLetterPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async list(@CurrentActor() actor: Actor, @Query() query: ListDeadLettersQuery): Promise<DeadLetterPageDto> {
    const window = {
      skip: 0,
      limit: query.page * query.limit,
      ...(query.queue ? { queue: query.queue } : {}),
    };
    const pages = await Promise.all(
      servicesOfQueue(query.queue).map((service) =>
        this.rpc.send<Page<DeadLetterDto>>(service, deadLetterPatterns(service).list, window, { actor }),
      ),
    );
    const merged = pages
      .flatMap((page) => page.items)
      .sort((a, b) => b.parkedAt.localeCompare(a.parkedAt) || b.id.localeCompare(a.id));
    const start = (query.page - 1) * query.limit;
    return {
      items: merged.slice(start, start + query.limit),
      total: pages.reduce((sum, page) => sum + page.total, 0),
      page: query.page,
      limit: query.limit,
    };
  }

  @Get(':id')
  @AdminOnly()
  @ApiOperation({ summary: 'One parked event with its message (admin)' })
  @ApiOkResponse({ type: DeadLetterDetailDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DeadLetterDetailDto> {
    const service = serviceOfDeadLetter(id);
    return this.rpc.send(service, deadLetterPatterns(service).get, { id }, { actor });
  }

  @Post(':id/replay')
  @AdminOnly()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Replay a parked event (admin)',
    description:
      "Sends it back to its service's own events queue with every attempt again (other subscribers " +
      'are not bothered), and removes it from the list. If it fails again it is parked again.',
  })
  @ApiOkResponse({ type: DeadLetterDetailDto, description: 'The replayed entry (without its message)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  replay(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<DeadLetterDto> {
    const service = serviceOfDeadLetter(id);
    return this.rpc.send(service, deadLetterPatterns(service).replay, { id }, { actor });
  }

  @Delete(':id')
  @AdminOnly()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Drop a parked event for good (admin)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async drop(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<void> {
    const service = serviceOfDeadLetter(id);
    await this.rpc.send(service, deadLetterPatterns(service).drop, { id }, { actor });
  }
}
