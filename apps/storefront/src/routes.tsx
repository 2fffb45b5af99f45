import type { RoutePages } from './components/route-table';
import { RouteTable } from './components/route-table';
import { BookPage } from './pages/book-page';
import { CartPage } from './pages/cart-page';
import { CatalogPage } from './pages/catalog-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { NotificationsPage } from './pages/notifications-page';
import { OrderPage } from './pages/order-page';
import { OrdersPage } from './pages/orders-page';
import { RegisterPage } from './pages/register-page';
import { StaffRoutes } from './pages/staff/staff-routes';

/** Every page of the storefront by path. Staff pages live under /staff (src/pages/staff). */
const PAGES: RoutePages = [
  ['/', CatalogPage],
  ['/books/:id', BookPage],
  ['/cart', CartPage],
  ['/checkout', CartPage],
  ['/orders', OrdersPage],
  ['/orders/:id', OrderPage],
  ['/notifications', NotificationsPage],
  ['/login', LoginPage],
  ['/register', RegisterPage],
  ['/staff/*', StaffRoutes],
  ['/staff', StaffRoutes],
];

/** The storefront's router: {@link PAGES}, and "not found" for any other path. */
export function AppRoutes() {
  return <RouteTable pages={PAGES} fallback={NotFoundPage} />;
}
