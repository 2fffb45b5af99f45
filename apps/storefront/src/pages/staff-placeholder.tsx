import { PageHeading } from '../components/page-heading';

/** Placeholder until the page is built. */
export function StaffPlaceholder() {
  return (
    <section>
      <PageHeading title="Staff">Staff</PageHeading>
    </section>
  );
}
