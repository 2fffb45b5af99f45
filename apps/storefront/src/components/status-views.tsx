import type { ComponentChildren } from 'preact';

import { ApiError, describeError } from '../api/api-error';

/** "Loading…" while data is on its way (announced politely). */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}

/** An error as a readable message, with the correlation id to quote and an optional retry. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  // Several validation messages read better as a list than joined in one sentence.
  const details = error instanceof ApiError && error.details.length > 1 ? error.details : [];
  const text = details.length > 0 ? 'Please correct the following:' : describeError(error);
  return (
    <div class="alert alert-error" role="alert">
      <p>{text}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
      {error instanceof ApiError && error.correlationId && (
        <p class="muted small">Reference: {error.correlationId}</p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** What a list shows when it has nothing. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}
