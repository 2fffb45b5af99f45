import { isUnavailable } from './unavailable-failure';

function named(name: string, message = 'x', extra: object = {}): Error {
  return Object.assign(new Error(message), { name }, extra);
}

describe('isUnavailable', () => {
  it.each([
    ['MongoDB unreachable', named('MongoNetworkError')],
    ['no primary selected', named('MongoServerSelectionError')],
    ['primary stepped down', named('MongoServerError', 'not primary', { code: 10107 })],
    [
      'refused socket (SMTP, Redis)',
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ],
    ['nodemailer connection', Object.assign(new Error('Greeting never received'), { code: 'ETIMEDOUT' })],
    ['ioredis gave up', named('MaxRetriesPerRequestError')],
    ['closed Redis connection', new Error('Connection is closed.')],
    ['RPC timeout', Object.assign(new Error('catalog did not answer'), { kind: 'unavailable' })],
    ['wrapped cause', new Error('save failed', { cause: named('MongoNetworkTimeoutError') })],
  ])('%s is an outage', (_label, error) => {
    expect(isUnavailable(error)).toBe(true);
  });

  it.each([
    ['a plain bug', new Error('Cannot read properties of undefined')],
    ['a duplicate key', named('MongoServerError', 'E11000', { code: 11000 })],
    ['a domain conflict', Object.assign(new Error('conflict'), { kind: 'conflict' })],
    ['a string', 'boom'],
    ['nothing', undefined],
  ])('%s is not', (_label, error) => {
    expect(isUnavailable(error)).toBe(false);
  });
});
