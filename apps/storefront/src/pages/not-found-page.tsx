import { PageHeading } from '../components/page-heading';

/** Placeholder until the page is built. */
export function NotFoundPage() {
  return (
    <section>
      <PageHeading title="Page not found">Page not found</PageHeading>
    </section>
  );
}
