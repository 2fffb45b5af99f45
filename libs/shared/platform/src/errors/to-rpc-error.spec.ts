import { DomainError, ErrorKind } from '@bookstore/shared/contracts';
import { BadRequestException } from '@nestjs/common';

import { toRpcError } from './to-rpc-error';

describe('toRpcError', () => {
  it('keeps the kind, code and message of a domain error', () => {
    const error = DomainError.conflict('ORDER.NOT_CANCELLABLE', 'Order is SHIPPED', { status: 'SHIPPED' });
    expect(toRpcError(error)).toEqual({
      kind: ErrorKind.Conflict,
      code: 'ORDER.NOT_CANCELLABLE',
      message: 'Order is SHIPPED',
      details: { status: 'SHIPPED' },
    });
  });

  it('keeps every validation message as a list', () => {
    const error = DomainError.validation('VALIDATION', ['a is bad', 'b is bad']);
    expect(toRpcError(error).message).toEqual(['a is bad', 'b is bad']);
  });

  it('maps a Nest validation failure to the validation kind', () => {
    const error = new BadRequestException(['email must be an email']);
    expect(toRpcError(error)).toMatchObject({
      kind: ErrorKind.Validation,
      message: ['email must be an email'],
    });
  });

  it('answers unavailable, not internal, when the database cannot be reached', () => {
    const error = Object.assign(new Error('connection 3 to 127.0.0.1:27017 closed'), {
      name: 'MongoNetworkError',
    });
    expect(toRpcError(error)).toMatchObject({
      kind: ErrorKind.Unavailable,
      code: 'UPSTREAM.DATABASE_UNAVAILABLE',
    });
  });

  it('hides everything about an unexpected error', () => {
    const payload = toRpcError(new Error('E11000 duplicate key error collection: secret.users'));
    expect(payload).toEqual({ kind: ErrorKind.Internal, code: 'INTERNAL', message: 'Internal error' });
  });
});
