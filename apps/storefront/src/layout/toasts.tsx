import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useMemo, useState } from 'preact/hooks';

/** A short message shown over the page: success ("Added to cart") or error. */
export interface Toast {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

/** Shows toasts; they fade after a while or when dismissed. */
export interface Toaster {
  info(text: string): void;
  error(text: string): void;
}

const ToastContext = createContext<Toaster | undefined>(undefined);
const TOAST_MS = 6000;
let nextId = 1;

/** Holds the toasts and renders their region (aria-live, so screen readers announce them). */
export function ToastProvider({ children }: { children: ComponentChildren }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (kind: Toast['kind'], text: string) => {
      const id = nextId++;
      setToasts((list) => [...list.slice(-3), { id, kind, text }]);
      setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );
  const toaster = useMemo<Toaster>(
    () => ({ info: (text) => show('info', text), error: (text) => show('error', text) }),
    [show],
  );
  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div class="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} class={`toast toast-${toast.kind}`}>
            <span>{toast.text}</span>
            <button type="button" class="link-button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** The toaster (inside ToastProvider). */
export function useToasts(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToasts outside ToastProvider');
  return toaster;
}
