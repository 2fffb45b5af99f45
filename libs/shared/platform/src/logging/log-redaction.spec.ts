import { Writable } from 'node:stream';

import { maskUrlCredentials, REDACTED } from './log-redaction';
import { createServiceLogger } from './service-logger';

/** Logs `fields` once and returns the raw line written. */
function lineFor(fields: Record<string, unknown>): string {
  let raw = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw += chunk.toString();
      done();
    },
  });
  createServiceLogger({ service: 'auth', level: 'info', destination }).info(fields, 'redaction');
  return raw;
}

describe('log redaction', () => {
  it.each([
    [
      'an authorization header',
      { req: { headers: { authorization: 'Bearer eyJ.secret.sig' } } },
      'eyJ.secret.sig',
    ],
    ['an authorization header at the top', { headers: { authorization: 'Bearer top-secret' } }, 'top-secret'],
    ['a cookie header', { req: { headers: { cookie: 'session=cookie-secret' } } }, 'cookie-secret'],
    ['a set-cookie header', { res: { headers: { 'set-cookie': ['refresh=set-secret'] } } }, 'set-secret'],
    ['a password', { password: 'hunter2-secret' }, 'hunter2-secret'],
    [
      'a password in an RPC message',
      { rpc: { data: { email: 'a@b.c', password: 'rpc-secret' } } },
      'rpc-secret',
    ],
    ['a new password', { dto: { newPassword: 'new-secret' } }, 'new-secret'],
    ['a password hash', { user: { passwordHash: '$argon2id$hash-secret' } }, 'hash-secret'],
    ['an access token', { accessToken: 'access-secret' }, 'access-secret'],
    [
      'an access token in an RPC request',
      { message: { request: { accessToken: 'rpc-access' } } },
      'rpc-access',
    ],
    ['a refresh token', { body: { refreshToken: 'refresh-secret' } }, 'refresh-secret'],
    ['a reset token', { body: { token: 'reset-secret' } }, 'reset-secret'],
    ['a named reset token', { resetToken: 'named-reset' }, 'named-reset'],
    ['a verification token', { event: { payload: { verificationToken: 'verify-secret' } } }, 'verify-secret'],
  ])('redacts %s', (_name, fields, secret) => {
    const line = lineFor(fields);
    expect(line).not.toContain(secret);
    expect(line).toContain(REDACTED);
  });

  it.each([
    [
      'MONGO_URL',
      { config: { MONGO_URL: 'mongodb://orders:mongo-secret@db:27017' } },
      'mongo-secret',
      'mongodb://orders:[Redacted]@db:27017',
    ],
    [
      'REDIS_URL',
      { REDIS_URL: 'redis://:redis-secret@cache:6379/0' },
      'redis-secret',
      'redis://:[Redacted]@cache:6379/0',
    ],
    [
      'AMQP_URL (every node)',
      { config: { AMQP_URL: ['amqp://orders:amqp-secret@rabbit-1', 'amqp://orders:amqp-secret@rabbit-2'] } },
      'amqp-secret',
      'amqp://orders:[Redacted]@rabbit-2',
    ],
  ])('keeps the host of %s but not its password', (_name, fields, secret, masked) => {
    const line = lineFor(fields);
    expect(line).not.toContain(secret);
    expect(line).toContain(masked);
  });

  it('leaves URLs without credentials and fields that are not secrets alone', () => {
    const line = JSON.parse(lineFor({ url: '/api/v1/books/42', email: 'a@b.c', tokenCount: 3 }));
    expect(line).toMatchObject({ url: '/api/v1/books/42', email: 'a@b.c', tokenCount: 3 });
  });

  it('masks only the password of a URL', () => {
    expect(maskUrlCredentials('amqps://user:p%40ss@host:5671/vh')).toBe(
      'amqps://user:[Redacted]@host:5671/vh',
    );
    expect(maskUrlCredentials('amqp://host:5672')).toBe('amqp://host:5672');
  });
});
