import { PageHeading } from '../components/page-heading';

/** Placeholder until the page is built. */
export function BookPage() {
  return (
    <section>
      <PageHeading title="Book">Book</PageHeading>
    </section>
  );
}
