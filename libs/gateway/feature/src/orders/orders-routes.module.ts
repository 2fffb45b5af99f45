import { Module } from '@nestjs/common';

import { OrdersController } from './orders.controller';

/** The public `/api/v1/orders` routes: HTTP in, RPC to the orders service out. */
@Module({ controllers: [OrdersController] })
export class OrdersRoutesModule {}
