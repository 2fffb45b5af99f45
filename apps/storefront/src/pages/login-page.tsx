import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { PageHeading } from '../components/page-heading';
import { ErrorMessage } from '../components/status-views';
import { useToasts } from '../layout/toasts';
import { useSession } from '../session/session-context';
import { useNextPage } from './use-next-page';

/** Logging in with e-mail and password; then on to the page that asked for it. */
export function LoginPage() {
  const session = useSession();
  const toasts = useToasts();
  const { route } = useLocation();
  const next = useNextPage();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await session.login(email.trim(), password);
      toasts.info(`Welcome back, ${user.name}.`);
      route(next);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <PageHeading title="Log in">Log in</PageHeading>
      {session.user && (
        <p class="muted">
          You are logged in as {session.user.name}. <a href={next}>Continue</a>
        </p>
      )}
      <form class="form" onSubmit={submit}>
        <label>
          E-mail
          <input
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label>
          Password
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error !== undefined && <ErrorMessage error={error} />}
        <div class="actions">
          <button type="submit" disabled={busy}>
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
