import './staff.css';

import { Route, Router } from 'preact-iso';

import { PageHeading } from '../../components/page-heading';
import { Loading } from '../../components/status-views';
import { useSession } from '../../session/session-context';
import { LoginRequired } from '../login-required';
import { StaffBookPage } from './staff-book-page';
import { StaffBooksPage } from './staff-books-page';
import { StaffDeadLettersPage } from './staff-dead-letters-page';
import { StaffHome } from './staff-home';
import { StaffOrdersPage } from './staff-orders-page';

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
  return (
    <Router>
      <Route path="/" component={StaffHome} />
      <Route path="/books" component={StaffBooksPage} />
      <Route path="/books/new" component={StaffBookPage} />
      <Route path="/books/:id" component={StaffBookPage} />
      <Route path="/orders" component={StaffOrdersPage} />
      <Route path="/dead-letters" component={StaffDeadLettersPage} />
      <Route default component={StaffHome} />
    </Router>
  );
}
