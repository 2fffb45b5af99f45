/** What the storefront knows about a failed call: enough to show it and to report it. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or 0 when no answer came (network down, gateway unreachable). */
    readonly status: number,
    /** The gateway's correlation id, to quote when reporting a problem. */
    readonly correlationId?: string,
    /** Each validation message on its own, when the API sent a list. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The API's one error shape (shared/API.md); every field optional: a proxy may answer anything. */
interface ErrorBody {
  statusCode?: unknown;
  error?: unknown;
  message?: unknown;
  correlationId?: unknown;
}

/** Messages shown when an answer carries no readable message of its own. */
const FALLBACKS: Record<number, string> = {
  400: 'The request was not accepted.',
  401: 'Please log in again.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'That conflicts with the current state; reload and try again.',
  413: 'That is too large.',
  422: 'The request could not be processed.',
  429: 'Too many attempts; wait a moment and try again.',
  500: 'The store had a problem with that; please try again.',
  502: 'The store cannot be reached right now; try again shortly.',
  503: 'The service is unavailable right now; try again shortly.',
  504: 'The store took too long to answer; try again shortly.',
};

/** Turns any error answer (the shared JSON shape, other JSON, text or nothing) into an ApiError. */
export function apiErrorFromResponse(status: number, body: unknown, headerCorrelationId?: string): ApiError {
  const shaped = typeof body === 'object' && body !== null ? (body as ErrorBody) : {};
  const details = messagesOf(shaped.message);
  const correlationId =
    typeof shaped.correlationId === 'string' ? shaped.correlationId : (headerCorrelationId ?? undefined);
  const message =
    details.length > 0
      ? capitalise(details.join('; '))
      : (FALLBACKS[status] ??
        (typeof shaped.error === 'string' && shaped.error
          ? shaped.error
          : `Request failed (HTTP ${status}).`));
  return new ApiError(message, status, correlationId, details);
}

/** An ApiError for a call that got no answer at all. */
export function networkError(cause: unknown): ApiError {
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  const reason = offline ? 'You appear to be offline.' : 'The store could not be reached.';
  const error = new ApiError(`${reason} Check your connection and try again.`, 0);
  error.cause = cause;
  return error;
}

/** A readable text for anything thrown: ApiErrors as they are, anything else generically. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}

function messagesOf(message: unknown): string[] {
  if (typeof message === 'string') return message.trim() ? [message.trim()] : [];
  if (Array.isArray(message)) return message.filter((m): m is string => typeof m === 'string' && !!m.trim());
  return [];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
