import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { PageHeading } from '../components/page-heading';
import { ErrorMessage } from '../components/status-views';
import { TextField } from '../components/text-field';
import { useSubmission } from '../components/use-submission';
import { useToasts } from '../layout/toasts';
import { useSession } from '../session/session-context';
import { LoggedInNotice } from './logged-in-notice';
import { useNextPage } from './use-next-page';

/** Logging in with e-mail and password; then on to the page that asked for it. */
export function LoginPage() {
  const session = useSession();
  const toasts = useToasts();
  const { route } = useLocation();
  const next = useNextPage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmission();

  const submit = (event: Event) => {
    event.preventDefault();
    void submission.run(async () => {
      const user = await session.login(email.trim(), password);
      toasts.info(`Welcome back, ${user.name}.`);
      route(next);
    });
  };

  return (
    <section>
      <PageHeading title="Log in">Log in</PageHeading>
      <LoggedInNotice next={next} />
      <form class="form" onSubmit={submit}>
        <TextField
          label="E-mail"
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onValue={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        {submission.error !== undefined && <ErrorMessage error={submission.error} />}
        <div class="actions">
          <button type="submit" disabled={submission.busy}>
            Log in
          </button>
          <span>
            New here? <a href={`/register?next=${encodeURIComponent(next)}`}>Register</a>
          </span>
        </div>
      </form>
    </section>
  );
}
