import type {
  Actor,
  DeadLetterDetailDto,
  DeadLetterDto,
  Page,
  RpcRequest,
  ServiceName,
} from '@bookstore/shared/contracts';
import {
  DeadLetterIdCommand,
  deadLetterPatterns,
  DeadLetterWindowQuery,
  isAdmin,
} from '@bookstore/shared/contracts';
import { RpcPayloadPipe } from '@bookstore/shared/messaging';
import type { Type } from '@nestjs/common';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { adminOnly } from './dead-letters.errors';
import { DeadLettersService } from './dead-letters.service';

/** The `<service>.dead-letters.*` requests of one service; every one needs an admin actor. */
export function deadLettersRpcController(service: ServiceName): Type<unknown> {
  const patterns = deadLetterPatterns(service);

  @Controller()
  class DeadLettersRpcController {
    constructor(private readonly deadLetters: DeadLettersService) {}

    @MessagePattern(patterns.list)
    list(
      @Payload(new RpcPayloadPipe(DeadLetterWindowQuery)) req: RpcRequest<DeadLetterWindowQuery>,
    ): Promise<Page<DeadLetterDto>> {
      requireAdmin(req.actor);
      return this.deadLetters.list(req.payload.queue, req.payload.skip, req.payload.limit);
    }

    @MessagePattern(patterns.get)
    get(
      @Payload(new RpcPayloadPipe(DeadLetterIdCommand)) req: RpcRequest<DeadLetterIdCommand>,
    ): Promise<DeadLetterDetailDto> {
      requireAdmin(req.actor);
      return this.deadLetters.get(req.payload.id);
    }

    @MessagePattern(patterns.replay)
    replay(
      @Payload(new RpcPayloadPipe(DeadLetterIdCommand)) req: RpcRequest<DeadLetterIdCommand>,
    ): Promise<DeadLetterDto> {
      requireAdmin(req.actor);
      return this.deadLetters.replay(req.payload.id);
    }

    @MessagePattern(patterns.drop)
    async drop(
      @Payload(new RpcPayloadPipe(DeadLetterIdCommand)) req: RpcRequest<DeadLetterIdCommand>,
    ): Promise<{ dropped: true }> {
      requireAdmin(req.actor);
      await this.deadLetters.drop(req.payload.id);
      return { dropped: true };
    }
  }
  return DeadLettersRpcController;
}

function requireAdmin(actor: Actor | undefined): void {
  if (!isAdmin(actor)) throw adminOnly();
}
