import { PageHeading } from '../components/page-heading';

/** Placeholder until the page is built. */
export function OrderPage() {
  return (
    <section>
      <PageHeading title="Order">Order</PageHeading>
    </section>
  );
}
