import type { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger } from 'nestjs-pino';
import type { DestinationStream, Logger as Pino } from 'pino';
import pino from 'pino';

import type { LogLevelName } from '../config/infra.config';
import { logContextFields } from './log-context-fields';
import { LOG_REDACTION } from './log-redaction';

/** How a service's logger is made; `destination` is for specs (stdout otherwise). */
export interface ServiceLoggerOptions {
  service: string;
  level: LogLevelName;
  destination?: DestinationStream;
}

/**
 * The service's one pino logger: one JSON object per line with `level` (its name), `time` (ISO),
 * `service`, and the correlation, trace and span ids of what is being handled, secrets redacted.
 * Lines go to stdout asynchronously, off the request's path; `flushLogs` (and pino's own exit hook)
 * writes what is still buffered before the process ends.
 */
export function createServiceLogger(options: ServiceLoggerOptions): Pino {
  return pino(
    {
      level: options.level,
      base: { service: options.service },
      messageKey: 'msg',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Fields given in the call win over these (pino merges them into one object).
      mixin: logContextFields,
      redact: LOG_REDACTION,
    },
    options.destination ?? asyncDestination(1),
  );
}

/** Lines are written once this much is buffered, or every FLUSH_EVERY_MS, whichever comes first. */
const BUFFER_BYTES = 4096;
const FLUSH_EVERY_MS = 1000;

/**
 * A file or descriptor written asynchronously (sonic-boom): a log call only appends to a buffer,
 * written in 4 KB batches or after at most a second. pino registers the stream to be flushed
 * synchronously at process exit, so an exit loses nothing; only a SIGKILL loses the last second.
 */
export function asyncDestination(dest: number | string): DestinationStream {
  return pino.destination({ dest, sync: false, minLength: BUFFER_BYTES, periodicFlush: FLUSH_EVERY_MS });
}

/**
 * Nest's logger (app and framework logs) over the same pino instance, through nestjs-pino's adapter:
 * `logger.log(msg, context)` becomes `{ context, msg }`, errors keep their stack under `err`.
 * Without nestjs-pino's HTTP middleware: the correlation id already travels in RequestContext, and a
 * per-request middleware would cost the hot read for nothing.
 */
export function nestLoggerFor(logger: Pino): LoggerService {
  return new Logger(new PinoLogger({ pinoHttp: { logger, autoLogging: false } }), {});
}

/** Writes out every buffered line; call it last on shutdown, before `process.exit`. */
export function flushLogs(logger: Pino): Promise<void> {
  return new Promise((resolve) => logger.flush(() => resolve()));
}
