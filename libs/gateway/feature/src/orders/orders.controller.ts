import type { Actor, IdempotentReply } from '@bookstore/shared/contracts';
import {
  ErrorResponseDto,
  IDEMPOTENCY_KEY_HEADER,
  ListOrdersQuery,
  OrderDto,
  OrderPageDto,
  ORDERS_PATTERNS,
  PlaceOrderDto,
  UpdateOrderStatusDto,
} from '@bookstore/shared/contracts';
import { RpcClient } from '@bookstore/shared/messaging';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { AdminOnly, Authenticated, CurrentActor } from '../auth';
import {
  answerOf,
  ApiIdempotencyKey,
  checkedIdempotencyKey,
  IDEMPOTENT_REPLAY_HEADERS,
} from '../http/idempotency-key';

/** `/api/v1/orders`: HTTP in, request/reply to the orders service out, the caller as actor. */
@ApiTags('orders')
@Controller('orders')
export class OrdersController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Authenticated()
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({
    summary: 'Place an order',
    description:
      'Stores the order PENDING with the current titles and prices; the catalog then reserves stock ' +
      'asynchronously (poll GET /orders/:id for CONFIRMED or REJECTED). Repeating the same ' +
      'Idempotency-Key with the same lines (in any order) returns the first order, as it is now.',
  })
  @ApiIdempotencyKey('the first order', 'ORDER.IDEMPOTENCY_KEY_REUSED')
  @ApiCreatedResponse({ type: OrderDto, headers: IDEMPOTENT_REPLAY_HEADERS })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'Invalid lines, unknown book or malformed Idempotency-Key',
  })
  async place(
    @CurrentActor() actor: Actor,
    @Body() body: PlaceOrderDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers(IDEMPOTENCY_KEY_HEADER) header?: string,
  ): Promise<OrderDto> {
    const idempotencyKey = checkedIdempotencyKey(header);
    const payload = idempotencyKey === undefined ? { ...body } : { ...body, idempotencyKey };
    const answer = await this.rpc.send<IdempotentReply<OrderDto>>('orders', ORDERS_PATTERNS.place, payload, {
      actor,
    });
    return answerOf(reply, answer);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: "List the caller's orders (admin: everyone's, optionally one user's)" })
  @ApiOkResponse({ type: OrderPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListOrdersQuery): Promise<OrderPageDto> {
    return this.rpc.send('orders', ORDERS_PATTERNS.list, { ...query }, { actor });
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One order with its status history (owner or admin)' })
  @ApiOkResponse({ type: OrderDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: "Unknown, malformed or someone else's" })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<OrderDto> {
    return this.rpc.send('orders', ORDERS_PATTERNS.get, { id }, { actor });
  }

  @Post(':id/cancel')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel a PENDING or CONFIRMED order (owner or admin); reserved stock goes back' })
  @ApiOkResponse({ type: OrderDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ORDER.NOT_CANCELLABLE' })
  cancel(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<OrderDto> {
    return this.rpc.send('orders', ORDERS_PATTERNS.cancel, { id }, { actor });
  }

  @Patch(':id/status')
  @AdminOnly()
  @ApiOperation({ summary: 'Fulfil an order: CONFIRMED → SHIPPED → DELIVERED only (admin)' })
  @ApiOkResponse({ type: OrderDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'ORDER.INVALID_TRANSITION' })
  updateStatus(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: UpdateOrderStatusDto,
  ): Promise<OrderDto> {
    return this.rpc.send('orders', ORDERS_PATTERNS.updateStatus, { id, status: body.status }, { actor });
  }
}
