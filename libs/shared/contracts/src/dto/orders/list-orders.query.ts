import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsMongoId, IsOptional } from 'class-validator';

import { PaginationQuery } from '../common/pagination.query';
import { OrderStatus } from './order-status';

/** `GET /orders?page&limit&status&userId`; `userId` is honoured for admins only. */
export class ListOrdersQuery extends PaginationQuery {
  @ApiPropertyOptional({ enum: OrderStatus, enumName: 'OrderStatus' })
  @IsOptional()
  @IsEnum(OrderStatus)
  status?: OrderStatus;

  @ApiPropertyOptional({ description: 'Admin only: the orders of one user' })
  @IsOptional()
  @IsMongoId()
  userId?: string;
}
