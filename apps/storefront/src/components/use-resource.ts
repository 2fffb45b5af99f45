import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

import { isAbort } from '../api/api-client';

/** Data loaded from the API: what the page shows while loading, after a failure, and once it came. */
export interface Resource<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  /** Loads again; `quiet` keeps the current data on screen meanwhile (live updates, polling). */
  reload(quiet?: boolean): void;
}

/**
 * Loads `load()` whenever `deps` change, aborting the previous load (a page left, a filter changed
 * again) so a slow old answer never overwrites a newer one.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: readonly unknown[],
): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const controller = useRef<AbortController | undefined>(undefined);
  const latest = useRef(load);
  latest.current = load;

  const run = useCallback((quiet: boolean) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState((previous) => (quiet ? previous : { data: previous.data, loading: true }));
    latest
      .current(current.signal)
      .then((data) => {
        if (!current.signal.aborted) setState({ data, loading: false });
      })
      .catch((error: unknown) => {
        if (current.signal.aborted || isAbort(error)) return;
        setState((previous) => (quiet ? previous : { data: undefined, error, loading: false }));
      });
  }, []);

  useEffect(() => {
    run(false);
    return () => controller.current?.abort();
    // The caller lists what the load depends on, as with useEffect.
  }, deps);

  const reload = useCallback((quiet = false) => run(quiet), [run]);
  return { ...state, reload };
}
