import { isUtf8 } from 'node:buffer';

import type { FastifyReply, FastifyRequest } from 'fastify';

import { invalidUtf8, nulCharacter } from './request-edge.errors';

/** Why a query string is refused, or null when it is fine. */
export type QueryStringProblem = 'nul' | 'invalid-utf8' | null;

const PERCENT = 0x25;

/**
 * Checks the raw query string of a request target as Node received it. Node's HTTP parser already
 * refuses raw control and non-ASCII bytes in the target, so only percent escapes can smuggle a NUL
 * (`%00`) or bytes that do not decode as UTF-8 (`%FF`, `%C3%28`); the query parser would turn the
 * latter into U+FFFD or keep them, and a NUL made the catalog's MongoDB query fail with a 500.
 * A target without `%` costs one `indexOf`; malformed escapes (`100%`) are left to the parser.
 */
export function checkQueryString(url: string): QueryStringProblem {
  const start = url.indexOf('?');
  if (start === -1 || url.indexOf('%', start) === -1) return null;
  const bytes = Buffer.allocUnsafe(url.length - start);
  let length = 0;
  for (let i = start + 1; i < url.length; i++) {
    const c = url.charCodeAt(i);
    const escaped = c === PERCENT ? hexByte(url, i + 1) : -1;
    if (escaped === -1) bytes[length++] = c;
    else {
      if (escaped === 0) return 'nul';
      bytes[length++] = escaped;
      i += 2;
    }
  }
  return isUtf8(bytes.subarray(0, length)) ? null : 'invalid-utf8';
}

/**
 * `onRequest` hook, after the correlation id is set: a query string with NUL or invalid UTF-8 is a
 * 400 in the shared error shape (through the gateway's error filter), for every route and for
 * paths no route serves.
 */
export function queryStringGuardHook(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: Error) => void,
): void {
  const problem = checkQueryString(request.url);
  if (problem === 'nul') done(nulCharacter('query string'));
  else if (problem === 'invalid-utf8') done(invalidUtf8('query string'));
  else done();
}

/** The byte of the two hex digits at `at`, or -1 when they are not two hex digits. */
function hexByte(text: string, at: number): number {
  const high = hexDigit(text.charCodeAt(at));
  const low = hexDigit(text.charCodeAt(at + 1));
  return high === -1 || low === -1 ? -1 : high * 16 + low;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}
