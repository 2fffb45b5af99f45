import { JsonLogger } from './json-logger';
import { RequestContext } from './request-context';

describe('JsonLogger', () => {
  let lines: string[];
  let write: jest.SpyInstance;

  beforeEach(() => {
    lines = [];
    write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  });

  afterEach(() => write.mockRestore());

  it('writes one JSON object per line with the service, context and correlation id', () => {
    const logger = new JsonLogger('catalog');
    RequestContext.run({ correlationId: 'corr-1' }, () => logger.log('book created', 'BooksService'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({
      level: 'info',
      service: 'catalog',
      context: 'BooksService',
      correlationId: 'corr-1',
      msg: 'book created',
    });
  });

  it('merges structured messages and drops levels below the threshold', () => {
    const logger = new JsonLogger('orders', 'warn');
    logger.log('ignored');
    logger.debug('ignored');
    logger.warn({ msg: 'slow', ms: 1200 });
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 'warn', msg: 'slow', ms: 1200 }),
    ]);
  });
});
