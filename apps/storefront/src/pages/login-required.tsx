import { useLocation } from 'preact-iso';

import { PageHeading } from '../components/page-heading';

/** What a page for logged-in users shows to anyone else: a way to log in and come back. */
export function LoginRequired({ what }: { what: string }) {
  const { url } = useLocation();
  const next = encodeURIComponent(url);
  return (
    <section>
      <PageHeading title="Log in">Please log in</PageHeading>
      <p>
        <a href={`/login?next=${next}`}>Log in</a> or <a href={`/register?next=${next}`}>register</a> to{' '}
        {what}.
      </p>
    </section>
  );
}
