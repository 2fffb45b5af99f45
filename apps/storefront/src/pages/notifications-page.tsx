import { PageHeading } from '../components/page-heading';

/** Placeholder until the page is built. */
export function NotificationsPage() {
  return (
    <section>
      <PageHeading title="Notifications">Notifications</PageHeading>
    </section>
  );
}
