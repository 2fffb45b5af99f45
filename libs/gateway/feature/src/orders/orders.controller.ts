import type { Actor } from '@bookstore/shared/contracts';
import {
  DomainError,
  ErrorResponseDto,
  IDEMPOTENCY_KEY_HEADER,
  isValidIdempotencyKey,
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
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';

import { AdminOnly, Authenticated, CurrentActor } from '../auth';

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
      'Idempotency-Key returns the first order.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '1 to 128 printable characters' })
  @ApiCreatedResponse({ type: OrderDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid lines or unknown book' })
  place(
    @CurrentActor() actor: Actor,
    @Body() body: PlaceOrderDto,
    @Headers(IDEMPOTENCY_KEY_HEADER) idempotencyKey?: string,
  ): Promise<OrderDto> {
    if (idempotencyKey !== undefined && !isValidIdempotencyKey(idempotencyKey)) {
      throw DomainError.validation(
        'ORDER.INVALID_IDEMPOTENCY_KEY',
        'Idempotency-Key must be 1 to 128 printable characters',
      );
    }
    const payload = idempotencyKey === undefined ? { ...body } : { ...body, idempotencyKey };
    return this.rpc.send('orders', ORDERS_PATTERNS.place, payload, { actor });
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
