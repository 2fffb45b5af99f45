import { LocationProvider } from 'preact-iso';

import { CartProvider } from './cart/cart-context';
import { Layout } from './layout/layout';
import { ToastProvider } from './layout/toasts';
import { LiveProvider } from './live/live-context';
import { AppRoutes } from './routes';
import { SessionProvider } from './session/session-context';

/** Links under /api and /docs are the gateway's own pages: the browser loads them, not the router. */
const ROUTED_LINKS = /^\/(?!api(\/|$)|docs(\/|$))/;

/** The storefront: providers (session, cart, live stream, toasts) around the layout and the routes. */
export function App() {
  return (
    <LocationProvider scope={ROUTED_LINKS}>
      <ToastProvider>
        <SessionProvider>
          <CartProvider>
            <LiveProvider>
              <Layout>
                <AppRoutes />
              </Layout>
            </LiveProvider>
          </CartProvider>
        </SessionProvider>
      </ToastProvider>
    </LocationProvider>
  );
}
