import { PageHeading } from '../../components/page-heading';
import { StaffNav } from './staff-nav';

/** /staff: where the staff sections are. */
export function StaffHome() {
  return (
    <section>
      <PageHeading title="Staff">Staff</PageHeading>
      <StaffNav />
      <ul class="staff-sections">
        <li>
          <a href="/staff/books">Books</a>: add and edit books, restock and write off copies.
        </li>
        <li>
          <a href="/staff/orders">Orders</a>: every customer's orders; ship confirmed ones, mark shipped ones
          delivered.
        </li>
        <li>
          <a href="/staff/dead-letters">Dead letters</a>: events that kept failing; replay or drop them.
        </li>
      </ul>
    </section>
  );
}
