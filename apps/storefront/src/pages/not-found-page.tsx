import { PageHeading } from '../components/page-heading';

/** Any path the storefront does not know. */
export function NotFoundPage() {
  return (
    <section>
      <PageHeading title="Page not found">Page not found</PageHeading>
      <p>
        There is nothing here. <a href="/">Browse the books</a>
      </p>
    </section>
  );
}
