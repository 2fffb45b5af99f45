import { Route, Router } from 'preact-iso';

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
export function AppRoutes() {
  return (
    <Router>
      <Route path="/" component={CatalogPage} />
      <Route path="/books/:id" component={BookPage} />
      <Route path="/cart" component={CartPage} />
      <Route path="/checkout" component={CartPage} />
      <Route path="/orders" component={OrdersPage} />
      <Route path="/orders/:id" component={OrderPage} />
      <Route path="/notifications" component={NotificationsPage} />
      <Route path="/login" component={LoginPage} />
      <Route path="/register" component={RegisterPage} />
      <Route path="/staff/*" component={StaffRoutes} />
      <Route path="/staff" component={StaffRoutes} />
      <Route default component={NotFoundPage} />
    </Router>
  );
}
