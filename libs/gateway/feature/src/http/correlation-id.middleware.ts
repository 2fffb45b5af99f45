import { randomUUID } from 'node:crypto';

import { RequestContext } from '@bookstore/shared/platform';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Echoes the client's `x-correlation-id` when it is a sane token (else makes one), sets it on the
 * response, and runs the rest of the request in its context so logs and messages carry it.
 */
export function correlationIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const offered = req.header(CORRELATION_HEADER);
  const correlationId = offered && ACCEPTABLE.test(offered) ? offered : randomUUID();
  res.setHeader(CORRELATION_HEADER, correlationId);
  (req as Request & { correlationId?: string }).correlationId = correlationId;
  RequestContext.run({ correlationId }, () => next());
}
