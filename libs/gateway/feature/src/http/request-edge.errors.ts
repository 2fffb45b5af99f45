import { DomainError } from '@bookstore/shared/contracts';

import { MAX_JSON_DEPTH, MAX_JSON_ELEMENTS } from './json-text-scan';

/** Codes of what the gateway's edge refuses before any route sees the request; clients match on them. */
export const REQUEST_ERRORS = {
  bodyTooDeep: 'REQUEST.BODY_TOO_DEEP',
  bodyTooManyElements: 'REQUEST.BODY_TOO_MANY_ELEMENTS',
  nulCharacter: 'REQUEST.NUL_CHARACTER',
  invalidUtf8: 'REQUEST.INVALID_UTF8',
  invalidUrl: 'REQUEST.INVALID_URL',
  pathParamTooLong: 'REQUEST.PATH_PARAM_TOO_LONG',
} as const;

/** 400: a JSON body nested deeper than MAX_JSON_DEPTH. */
export function bodyTooDeep(): DomainError {
  return DomainError.validation(
    REQUEST_ERRORS.bodyTooDeep,
    `JSON body must not be nested deeper than ${MAX_JSON_DEPTH} levels`,
  );
}

/** 400: a JSON body with more than MAX_JSON_ELEMENTS containers and members. */
export function bodyTooManyElements(): DomainError {
  return DomainError.validation(
    REQUEST_ERRORS.bodyTooManyElements,
    `JSON body must not have more than ${MAX_JSON_ELEMENTS} elements`,
  );
}

/** 400: NUL in a body or query string (it would reach MongoDB keys and queries, which refuse it). */
export function nulCharacter(where: 'body' | 'query string'): DomainError {
  return DomainError.validation(REQUEST_ERRORS.nulCharacter, `The ${where} must not contain NUL characters`);
}

/** 400: bytes that are not UTF-8 in a body or (percent-encoded) in a query string. */
export function invalidUtf8(where: 'body' | 'query string'): DomainError {
  return DomainError.validation(REQUEST_ERRORS.invalidUtf8, `The ${where} must be valid UTF-8`);
}
