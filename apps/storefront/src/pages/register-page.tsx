import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';

import { PageHeading } from '../components/page-heading';
import { ErrorMessage } from '../components/status-views';
import { useToasts } from '../layout/toasts';
import { useSession } from '../session/session-context';
import { useNextPage } from './use-next-page';

/** Creating an account (then logged in at once). The API's validation messages are shown as they come. */
export function RegisterPage() {
  const session = useSession();
  const toasts = useToasts();
  const { route } = useLocation();
  const next = useNextPage();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await session.register(name.trim(), email.trim(), password);
      toasts.info(`Welcome, ${user.name}. Your account is ready.`);
      route(next);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <PageHeading title="Register">Register</PageHeading>
      {session.user && (
        <p class="muted">
          You are logged in as {session.user.name}. <a href={next}>Continue</a>
        </p>
      )}
      <form class="form" onSubmit={submit}>
        <label>
          Name
          <input
            name="name"
            autoComplete="name"
            required
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label>
          E-mail
          <input
            type="email"
            name="email"
            autoComplete="email"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <div class="field">
          <label>
            Password
            <input
              type="password"
              name="password"
              autoComplete="new-password"
              required
              minLength={8}
              aria-describedby="password-rule"
              value={password}
              onInput={(e) => setPassword(e.currentTarget.value)}
            />
          </label>
          {/* Outside the label: the rule describes the field, it is not part of its name. */}
          <span id="password-rule" class="muted small">
            At least 8 characters.
          </span>
        </div>
        {error !== undefined && <ErrorMessage error={error} />}
        <div class="actions">
          <button type="submit" disabled={busy}>
            Register
          </button>
          <span>
            Have an account? <a href={`/login?next=${encodeURIComponent(next)}`}>Log in</a>
          </span>
        </div>
      </form>
    </section>
  );
}
