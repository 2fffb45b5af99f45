import { PageHeading } from '../components/page-heading';

/** Placeholder until the page is built. */
export function CatalogPage() {
  return (
    <section>
      <PageHeading title="Books">Books</PageHeading>
    </section>
  );
}
