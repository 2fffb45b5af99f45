import { useState } from 'preact/hooks';

/** The state of a form's (or a button's) request to the API: whether it is on its way, and how it failed. */
export interface Submission {
  /** True while the request is on its way; the buttons that would send it again are disabled meanwhile. */
  busy: boolean;
  /** Why the last attempt failed, for an `ErrorMessage`; undefined when it did not. */
  error: unknown;
  /** Shows a failure found before anything was sent (a field the page itself refuses). */
  fail(error: unknown): void;
  /** Sends `action`: busy meanwhile, the previous error cleared first, a failure kept for display. */
  run(action: () => Promise<void>): Promise<void>;
}

/**
 * One request at a time from a form or a button, with its busy flag and its error. The failure is
 * kept, not thrown: the page shows it next to the form and the user may simply try again.
 */
export function useSubmission(): Submission {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, fail: setError, run };
}
