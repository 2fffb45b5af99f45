import { DomainError, ErrorKind } from '@bookstore/shared/contracts';
import type { ArgumentsHost, RpcExceptionFilter } from '@nestjs/common';
import { Catch, Logger } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { throwError } from 'rxjs';

import { toRpcError } from './to-rpc-error';

/**
 * The single exit for errors of message handlers: replies carry `RpcErrorPayload`, unexpected
 * errors are logged here with their stack and never sent to the caller.
 */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcErrorFilter');

  catch(error: unknown, host: ArgumentsHost): Observable<never> {
    const payload = toRpcError(error);
    if (payload.kind === ErrorKind.Internal && !(error instanceof DomainError)) {
      const pattern = host.switchToRpc().getContext<{ getPattern?: () => string }>().getPattern?.();
      this.logger.error(
        { msg: 'handler failed', pattern, error: error instanceof Error ? error.message : String(error) },
        error instanceof Error ? error.stack : undefined,
      );
    }
    return throwError(() => payload);
  }
}
