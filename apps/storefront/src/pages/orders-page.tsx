import { PageHeading } from '../components/page-heading';

/** Placeholder until the page is built. */
export function OrdersPage() {
  return (
    <section>
      <PageHeading title="Orders">Orders</PageHeading>
    </section>
  );
}
