import { Module } from '@nestjs/common';

/** The public `/api/v1/orders` routes: HTTP in, RPC to the orders service out. */
@Module({})
export class OrdersRoutesModule {}
