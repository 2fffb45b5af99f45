import { PageHeading } from '../components/page-heading';

/** Placeholder until the page is built. */
export function LoginPage() {
  return (
    <section>
      <PageHeading title="Log in">Log in</PageHeading>
    </section>
  );
}
