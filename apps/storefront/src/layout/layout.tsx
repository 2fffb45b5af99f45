import type { ComponentChildren } from 'preact';

import { Header } from './header';

/** Every page: header, main region, footer (toasts are rendered by ToastProvider). */
export function Layout({ children }: { children: ComponentChildren }) {
  return (
    <>
      <Header />
      <main id="main" class="site-main">
        {children}
      </main>
      <footer class="site-footer muted small">
        Bookstore · <a href="/docs">API documentation</a>
      </footer>
    </>
  );
}
