import type { RpcRequest } from '@bookstore/shared/contracts';
import { DomainError } from '@bookstore/shared/contracts';
import type { PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

import { validationMessages } from './validation-messages';

type Dto<T> = new () => T;

/**
 * Validates and transforms the payload of a request: `@Payload(new RpcPayloadPipe(CreateBookDto))`.
 * The gateway validated the HTTP body already; a service still checks what it receives.
 */
export class RpcPayloadPipe<T extends object> implements PipeTransform<RpcRequest, RpcRequest<T>> {
  constructor(private readonly dto: Dto<T>) {}

  transform(value: RpcRequest): RpcRequest<T> {
    const payload = plainToInstance(this.dto, value?.payload ?? {});
    const errors = validateSync(payload, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw DomainError.validation('VALIDATION', validationMessages(errors));
    return { ...value, payload };
  }
}
