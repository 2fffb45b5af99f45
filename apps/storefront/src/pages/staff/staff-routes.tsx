import './staff.css';

import { PageHeading } from '../../components/page-heading';
import type { RoutePages } from '../../components/route-table';
import { RouteTable } from '../../components/route-table';
import { Loading } from '../../components/status-views';
import { useSession } from '../../session/session-context';
import { LoginRequired } from '../login-required';
import { StaffBookPage } from './staff-book-page';
import { StaffBooksPage } from './staff-books-page';
import { StaffDeadLettersPage } from './staff-dead-letters-page';
import { StaffHome } from './staff-home';
import { StaffOrdersPage } from './staff-orders-page';

/** The staff pages by path, relative to /staff. */
const PAGES: RoutePages = [
  ['/', StaffHome],
  ['/books', StaffBooksPage],
  ['/books/new', StaffBookPage],
  ['/books/:id', StaffBookPage],
  ['/orders', StaffOrdersPage],
  ['/dead-letters', StaffDeadLettersPage],
];

/**
 * Everything under /staff, for admins only (the API refuses the rest anyway: this keeps a customer
 * from a page of 403s). Paths are relative to /staff (preact-iso's nested router).
 */
export function StaffRoutes() {
  const session = useSession();
  if (session.state.status === 'loading') return <Loading />;
  if (!session.user) return <LoginRequired what="use the staff pages" />;
  if (!session.isAdmin) {
    return (
      <section>
        <PageHeading title="Staff only">Staff only</PageHeading>
        <p>
          These pages are for the store's staff. <a href="/">Back to the books</a>
        </p>
      </section>
    );
  }
  // Any other staff path shows the staff home, with its links to the rest.
  return <RouteTable pages={PAGES} fallback={StaffHome} />;
}
