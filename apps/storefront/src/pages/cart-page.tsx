import { PageHeading } from '../components/page-heading';

/** Placeholder until the page is built. */
export function CartPage() {
  return (
    <section>
      <PageHeading title="Cart">Cart</PageHeading>
    </section>
  );
}
