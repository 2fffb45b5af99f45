import { useState } from 'preact/hooks';

import { PageHeading } from '../components/page-heading';
import { ErrorMessage } from '../components/status-views';
import { TextField } from '../components/text-field';
import { useSession } from '../session/session-context';
import { LoggedInNotice } from './logged-in-notice';
import { useAccountForm } from './use-account-form';

/** Creating an account (then logged in at once). The API's validation messages are shown as they come. */
export function RegisterPage() {
  const session = useSession();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useAccountForm(
    () => session.register(name.trim(), email.trim(), password),
    (user) => `Welcome, ${user.name}. Your account is ready.`,
  );

  return (
    <section>
      <PageHeading title="Register">Register</PageHeading>
      <LoggedInNotice next={form.next} />
      <form class="form" onSubmit={form.submit}>
        <TextField label="Name" name="name" autoComplete="name" required value={name} onValue={setName} />
        <TextField
          label="E-mail"
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onValue={setEmail}
        />
        <div class="field">
          <TextField
            label="Password"
            type="password"
            name="password"
            autoComplete="new-password"
            required
            minLength={8}
            aria-describedby="password-rule"
            value={password}
            onValue={setPassword}
          />
          {/* Outside the label: the rule describes the field, it is not part of its name. */}
          <span id="password-rule" class="muted small">
            At least 8 characters.
          </span>
        </div>
        {form.error !== undefined && <ErrorMessage error={form.error} />}
        <div class="actions">
          <button type="submit" disabled={form.busy}>
            Register
          </button>
          <span>
            Have an account? <a href={`/login?next=${encodeURIComponent(form.next)}`}>Log in</a>
          </span>
        </div>
      </form>
    </section>
  );
}
