import { useState } from 'preact/hooks';

import { PageHeading } from '../components/page-heading';
import { ErrorMessage } from '../components/status-views';
import { TextField } from '../components/text-field';
import { useSession } from '../session/session-context';
import { LoggedInNotice } from './logged-in-notice';
import { useAccountForm } from './use-account-form';

/** Logging in with e-mail and password; then on to the page that asked for it. */
export function LoginPage() {
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAccountForm(
    () => session.login(email.trim(), password),
    (user) => `Welcome back, ${user.name}.`,
  );

  return (
    <section>
      <PageHeading title="Log in">Log in</PageHeading>
      <LoggedInNotice next={form.next} />
      <form class="form" onSubmit={form.submit}>
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
        {form.error !== undefined && <ErrorMessage error={form.error} />}
        <div class="actions">
          <button type="submit" disabled={form.busy}>
            Log in
          </button>
          <span>
            New here? <a href={`/register?next=${encodeURIComponent(form.next)}`}>Register</a>
          </span>
        </div>
      </form>
    </section>
  );
}
