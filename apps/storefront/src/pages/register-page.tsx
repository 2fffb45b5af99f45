import { PageHeading } from '../components/page-heading';

/** Placeholder until the page is built. */
export function RegisterPage() {
  return (
    <section>
      <PageHeading title="Register">Register</PageHeading>
    </section>
  );
}
