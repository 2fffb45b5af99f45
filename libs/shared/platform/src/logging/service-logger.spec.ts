import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';

import { RequestContext } from './request-context';
import { asyncDestination, createServiceLogger, flushLogs, nestLoggerFor } from './service-logger';

/** A destination that keeps each written line, parsed. */
function collector(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('service logger', () => {
  it('writes the service, level name, ISO time, message and the correlation id of the request', () => {
    const { lines, stream } = collector();
    const logger = createServiceLogger({ service: 'catalog', level: 'info', destination: stream });
    RequestContext.run({ correlationId: 'corr-1' }, () => logger.info({ bookId: 'b1' }, 'book created'));
    logger.info('outside any request');
    expect(lines[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'catalog',
      correlationId: 'corr-1',
      bookId: 'b1',
      msg: 'book created',
    });
    expect(lines[1]).not.toHaveProperty('correlationId');
    expect(lines[1]).not.toHaveProperty('traceId');
  });

  describe('with OpenTelemetry', () => {
    const manager = new AsyncLocalStorageContextManager();
    beforeAll(() => context.setGlobalContextManager(manager.enable()));
    afterAll(() => context.disable());

    it('adds the trace and span ids of the active span, only when its context is valid', () => {
      const { lines, stream } = collector();
      const logger = createServiceLogger({ service: 'orders', level: 'info', destination: stream });
      const traceId = '0af7651916cd43dd8448eb211c80319c';
      const spanId = 'b7ad6b7169203331';
      const span = trace.wrapSpanContext({ traceId, spanId, traceFlags: TraceFlags.SAMPLED });
      context.with(trace.setSpan(context.active(), span), () => logger.info('in a span'));
      const invalid = trace.wrapSpanContext({
        traceId: '0'.repeat(32),
        spanId: '0'.repeat(16),
        traceFlags: TraceFlags.NONE,
      });
      context.with(trace.setSpan(context.active(), invalid), () => logger.info('invalid span'));
      logger.info('no span');
      expect(lines[0]).toMatchObject({ msg: 'in a span', traceId, spanId });
      expect(lines[1]).not.toHaveProperty('traceId');
      expect(lines[2]).not.toHaveProperty('spanId');
    });
  });

  it("is Nest's logger through nestjs-pino: context, structured messages, redaction, errors, LOG_LEVEL", () => {
    const { lines, stream } = collector();
    const logger = nestLoggerFor(
      createServiceLogger({ service: 'orders', level: 'warn', destination: stream }),
    );
    logger.log('ignored below warn', 'OrdersService');
    logger.debug?.('ignored too', 'OrdersService');
    logger.warn({ msg: 'slow', ms: 1200 }, 'OrdersService');
    logger.warn({ msg: 'login refused', password: 'nest-secret' }, 'AuthService');
    RequestContext.run({ correlationId: 'corr-2' }, () =>
      logger.error('handler failed', 'Error: boom\n    at handler', 'ExceptionsHandler'),
    );
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        service: 'orders',
        context: 'OrdersService',
        msg: 'slow',
        ms: 1200,
      }),
      expect.objectContaining({ context: 'AuthService', password: '[Redacted]' }),
      expect.objectContaining({
        level: 'error',
        context: 'ExceptionsHandler',
        correlationId: 'corr-2',
        err: expect.objectContaining({ message: 'handler failed', stack: 'Error: boom\n    at handler' }),
      }),
    ]);
  });

  it('writes asynchronously, off the caller, and flushLogs writes out what is still buffered', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'service-logger-')), 'out.log');
    const logger = createServiceLogger({
      service: 'gateway',
      level: 'info',
      destination: asyncDestination(file),
    });
    const count = () => readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
    for (let line = 1; line <= 2000; line += 1) logger.info({ line }, 'burst');
    logger.info('last');
    // Still buffered: the loop returned before the lines were written.
    expect(count()).toBeLessThan(2001);
    await flushLogs(logger);
    expect(count()).toBe(2001);
  });

  it('loses no line when the process exits right after logging', () => {
    const fixture = join(__dirname, 'fixtures', 'log-then-exit.ts');
    const child = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', fixture],
      {
        cwd: join(__dirname, '../../../../..'),
        env: {
          ...process.env,
          TS_NODE_PROJECT: 'tsconfig.base.json',
          TS_NODE_COMPILER_OPTIONS: '{"module":"commonjs"}',
        },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        timeout: 60_000,
      },
    );
    expect(child.stderr).toBe('');
    const lines = child.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string });
    expect(lines).toHaveLength(2001);
    expect(lines[lines.length - 1]).toMatchObject({ msg: 'last line before exit' });
  }, 90_000);
});
