import type { Actor, IdempotentReply } from '@bookstore/shared/contracts';
import {
  AdjustStockDto,
  BookDto,
  BookPageDto,
  CATALOG_PATTERNS,
  CreateBookDto,
  ErrorResponseDto,
  IDEMPOTENCY_KEY_HEADER,
  ListBooksQuery,
  UpdateBookDto,
} from '@bookstore/shared/contracts';
import { RpcClient } from '@bookstore/shared/messaging';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { AdminOnly, CurrentActor } from '../auth/auth.decorators';
import {
  answerOf,
  ApiIdempotencyKey,
  checkedIdempotencyKey,
  IDEMPOTENT_REPLAY_HEADERS,
} from '../http/idempotency-key';
import { BookCache } from './book-cache';
import { BookIdPipe } from './book-id.pipe';
import { CACHED_BOOK_READ, JSON_CONTENT_TYPE } from './cached-book-read.hook';

const ID_PARAM = {
  name: 'id',
  description: 'Book id (24 hex characters)',
  example: '665f1c2e8b3a4d0012345678',
};

/**
 * `/api/v1/books`: reads for anyone, writes for admins; everything is answered by the catalog
 * service, one book by id through this instance's BookCache.
 */
@ApiTags('catalog')
@Controller('books')
export class BooksController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly books: BookCache,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List books: search (q), filters, sort and pagination' })
  @ApiOkResponse({ type: BookPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid query parameter' })
  list(@Query() query: ListBooksQuery): Promise<BookPageDto> {
    return this.rpc.send('catalog', CATALOG_PATTERNS.listBooks, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One book' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: BookDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such book (also for a malformed id)' })
  @Header('content-type', JSON_CONTENT_TYPE)
  // A cached book is answered before this handler, by CachedBookReadHook.
  @RouteConfig(CACHED_BOOK_READ)
  get(@Param('id', BookIdPipe) id: string): Promise<string> {
    // Already JSON: with a JSON content type, Fastify sends a string as it is.
    return this.books.getJson(id, () => this.rpc.send<BookDto>('catalog', CATALOG_PATTERNS.getBook, { id }));
  }

  @Post()
  @AdminOnly()
  @ApiOperation({ summary: 'Add a book (admin)' })
  @ApiCreatedResponse({ type: BookDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body (e.g. bad ISBN checksum)' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A book with this ISBN exists' })
  create(@Body() dto: CreateBookDto, @CurrentActor() actor: Actor): Promise<BookDto> {
    return this.rpc.send('catalog', CATALOG_PATTERNS.createBook, dto, { actor });
  }

  @Patch(':id')
  @AdminOnly()
  @ApiOperation({ summary: 'Change a book (admin); stock changes go through /stock' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: BookDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid body' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such book' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Another book has this ISBN' })
  update(
    @Param('id', BookIdPipe) id: string,
    @Body() changes: UpdateBookDto,
    @CurrentActor() actor: Actor,
  ): Promise<BookDto> {
    return this.books.writing(id, () =>
      this.rpc.send('catalog', CATALOG_PATTERNS.updateBook, { id, changes }, { actor }),
    );
  }

  @Delete(':id')
  @AdminOnly()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a book from the catalog (admin)' })
  @ApiParam(ID_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such book' })
  async remove(@Param('id', BookIdPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.books.writing(id, () =>
      this.rpc.send('catalog', CATALOG_PATTERNS.deleteBook, { id }, { actor }),
    );
  }

  @Post(':id/stock')
  @AdminOnly()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Restock (delta > 0) or write off (delta < 0) a book (admin)',
    description:
      'Repeating the same Idempotency-Key with the same delta on the same book changes the stock ' +
      'once and answers with the book as it is now.',
  })
  @ApiParam(ID_PARAM)
  @ApiIdempotencyKey('the book', 'CATALOG.IDEMPOTENCY_KEY_REUSED')
  @ApiOkResponse({ type: BookDto, headers: IDEMPOTENT_REPLAY_HEADERS })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'delta missing, zero or not an integer; malformed Idempotency-Key',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such book' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'The stock would go below zero (code CATALOG.INSUFFICIENT_STOCK)',
  })
  async adjustStock(
    @Param('id', BookIdPipe) id: string,
    @Body() dto: AdjustStockDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers(IDEMPOTENCY_KEY_HEADER) header?: string,
  ): Promise<BookDto> {
    const idempotencyKey = checkedIdempotencyKey(header);
    const request = { id, delta: dto.delta, ...(idempotencyKey === undefined ? {} : { idempotencyKey }) };
    const answer = await this.books.writing(id, () =>
      this.rpc.send<IdempotentReply<BookDto>>('catalog', CATALOG_PATTERNS.adjustStock, request, { actor }),
    );
    return answerOf(reply, answer);
  }
}
