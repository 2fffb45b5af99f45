import type { Actor, IdempotentReply, OrderDto, OrderPageDto, RpcRequest } from '@bookstore/shared/contracts';
import {
  isAdmin,
  ListOrdersQuery,
  OrderIdCommand,
  ORDERS_PATTERNS,
  PlaceOrderCommand,
  UpdateOrderStatusCommand,
} from '@bookstore/shared/contracts';
import { RpcPayloadPipe } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { CancelOrderHandler } from '../commands/cancel-order/cancel-order.handler';
import { PlaceOrderHandler } from '../commands/place-order/place-order.handler';
import { UpdateOrderStatusHandler } from '../commands/update-order-status/update-order-status.handler';
import { adminRequired, authenticationRequired } from '../orders.errors';
import { GetOrderHandler } from '../queries/get-order/get-order.handler';
import { ListOrdersHandler } from '../queries/list-orders/list-orders.handler';

/**
 * Request/reply entry points of the orders service. The actor is the one the service verified from
 * the forwarded access token (RequestActorInterceptor); the gateway checked roles, and the admin
 * pattern checks again here, as broker credentials alone give no admin power.
 */
@Controller()
export class OrdersRpcController {
  constructor(
    private readonly placeOrder: PlaceOrderHandler,
    private readonly listOrders: ListOrdersHandler,
    private readonly getOrder: GetOrderHandler,
    private readonly cancelOrder: CancelOrderHandler,
    private readonly updateStatus: UpdateOrderStatusHandler,
  ) {}

  @MessagePattern(ORDERS_PATTERNS.place)
  place(
    @Payload(new RpcPayloadPipe(PlaceOrderCommand)) req: RpcRequest<PlaceOrderCommand>,
  ): Promise<IdempotentReply<OrderDto>> {
    return this.placeOrder.execute(requireActor(req.actor), req.payload);
  }

  @MessagePattern(ORDERS_PATTERNS.list)
  list(
    @Payload(new RpcPayloadPipe(ListOrdersQuery)) req: RpcRequest<ListOrdersQuery>,
  ): Promise<OrderPageDto> {
    return this.listOrders.execute(requireActor(req.actor), req.payload);
  }

  @MessagePattern(ORDERS_PATTERNS.get)
  get(@Payload(new RpcPayloadPipe(OrderIdCommand)) req: RpcRequest<OrderIdCommand>): Promise<OrderDto> {
    return this.getOrder.execute(requireActor(req.actor), req.payload.id);
  }

  @MessagePattern(ORDERS_PATTERNS.cancel)
  cancel(@Payload(new RpcPayloadPipe(OrderIdCommand)) req: RpcRequest<OrderIdCommand>): Promise<OrderDto> {
    return this.cancelOrder.execute(requireActor(req.actor), req.payload.id);
  }

  @MessagePattern(ORDERS_PATTERNS.updateStatus)
  status(
    @Payload(new RpcPayloadPipe(UpdateOrderStatusCommand)) req: RpcRequest<UpdateOrderStatusCommand>,
  ): Promise<OrderDto> {
    if (!isAdmin(requireActor(req.actor))) throw adminRequired();
    return this.updateStatus.execute(req.payload);
  }
}

/** The caller of a request, which every orders use case needs. */
function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw authenticationRequired();
  return actor;
}
