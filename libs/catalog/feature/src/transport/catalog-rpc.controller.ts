import type {
  Actor,
  BookDto,
  BookPageDto,
  BookSummary,
  IdempotentReply,
  RpcRequest,
} from '@bookstore/shared/contracts';
import {
  AdjustStockRequest,
  BookIdRequest,
  CATALOG_PATTERNS,
  CreateBookDto,
  isAdmin,
  ListBooksQuery,
  LookupBooksRequest,
  UpdateBookRequest,
} from '@bookstore/shared/contracts';
import { RpcPayloadPipe } from '@bookstore/shared/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import { adminRequired, authenticationRequired } from '../catalog.errors';
import { AdjustStockHandler } from '../commands/adjust-stock/adjust-stock.handler';
import { CreateBookHandler } from '../commands/create-book/create-book.handler';
import { DeleteBookHandler } from '../commands/delete-book/delete-book.handler';
import { UpdateBookHandler } from '../commands/update-book/update-book.handler';
import { GetBookHandler } from '../queries/get-book/get-book.handler';
import { ListBooksHandler } from '../queries/list-books/list-books.handler';
import { LookupBooksHandler } from '../queries/lookup-books/lookup-books.handler';

/**
 * The catalog's request/reply API. Admin-only patterns are guarded at the gateway and again here,
 * on the actor the service verified from the forwarded access token (RequestActorInterceptor):
 * broker credentials alone give no admin power. Payloads are validated again here too.
 */
@Controller()
export class CatalogRpcController {
  constructor(
    private readonly listBooks: ListBooksHandler,
    private readonly getBook: GetBookHandler,
    private readonly lookupBooks: LookupBooksHandler,
    private readonly createBook: CreateBookHandler,
    private readonly updateBook: UpdateBookHandler,
    private readonly deleteBook: DeleteBookHandler,
    private readonly adjustStock: AdjustStockHandler,
  ) {}

  @MessagePattern(CATALOG_PATTERNS.listBooks)
  list(@Payload(new RpcPayloadPipe(ListBooksQuery)) req: RpcRequest<ListBooksQuery>): Promise<BookPageDto> {
    return this.listBooks.execute(req.payload);
  }

  @MessagePattern(CATALOG_PATTERNS.getBook)
  get(@Payload(new RpcPayloadPipe(BookIdRequest)) req: RpcRequest<BookIdRequest>): Promise<BookDto> {
    return this.getBook.execute(req.payload.id);
  }

  @MessagePattern(CATALOG_PATTERNS.lookupBooks)
  lookup(
    @Payload(new RpcPayloadPipe(LookupBooksRequest)) req: RpcRequest<LookupBooksRequest>,
  ): Promise<BookSummary[]> {
    return this.lookupBooks.execute(req.payload.ids);
  }

  @MessagePattern(CATALOG_PATTERNS.createBook)
  create(@Payload(new RpcPayloadPipe(CreateBookDto)) req: RpcRequest<CreateBookDto>): Promise<BookDto> {
    requireAdmin(req.actor);
    return this.createBook.execute(req.payload);
  }

  @MessagePattern(CATALOG_PATTERNS.updateBook)
  update(
    @Payload(new RpcPayloadPipe(UpdateBookRequest)) req: RpcRequest<UpdateBookRequest>,
  ): Promise<BookDto> {
    requireAdmin(req.actor);
    return this.updateBook.execute(req.payload.id, req.payload.changes);
  }

  @MessagePattern(CATALOG_PATTERNS.deleteBook)
  async delete(
    @Payload(new RpcPayloadPipe(BookIdRequest)) req: RpcRequest<BookIdRequest>,
  ): Promise<{ deleted: true }> {
    requireAdmin(req.actor);
    await this.deleteBook.execute(req.payload.id);
    return { deleted: true };
  }

  @MessagePattern(CATALOG_PATTERNS.adjustStock)
  stock(
    @Payload(new RpcPayloadPipe(AdjustStockRequest)) req: RpcRequest<AdjustStockRequest>,
  ): Promise<IdempotentReply<BookDto>> {
    return this.adjustStock.execute(requireAdmin(req.actor), req.payload);
  }
}

/** The verified admin behind an admin request: 401 without an actor, 403 for another role. */
function requireAdmin(actor: Actor | undefined): Actor {
  if (!actor) throw authenticationRequired();
  if (!isAdmin(actor)) throw adminRequired();
  return actor;
}
