import type { LoggerService } from '@nestjs/common';

import type { LogLevelName } from '../config/infra.config';
import { RequestContext } from './request-context';

const SEVERITY: Record<string, number> = { error: 0, warn: 1, info: 2, log: 2, debug: 3, verbose: 4 };

/**
 * One JSON object per line on stdout, with the service name and the correlation id of the request
 * or message being handled, so logs of one request can be followed across services.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    private readonly service: string,
    level: LogLevelName = 'info',
  ) {
    this.threshold = SEVERITY[level] ?? 2;
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }

  private write(level: string, message: unknown, rest: unknown[]): void {
    if ((SEVERITY[level] ?? 2) > this.threshold) return;
    // Nest passes the context as the last string argument, and a stack before it for errors.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const stack = typeof rest[0] === 'string' ? rest[0] : undefined;
    const line: Record<string, unknown> = {
      level: level === 'log' ? 'info' : level,
      time: new Date().toISOString(),
      service: this.service,
      context,
      correlationId: RequestContext.correlationId(),
    };
    if (message instanceof Error) {
      line['msg'] = message.message;
      line['stack'] = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(line, message);
    } else {
      line['msg'] = String(message);
    }
    if (stack && level === 'error') line['stack'] = stack;
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}
