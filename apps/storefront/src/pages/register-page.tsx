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

/** Creating an account (then logged in at once). The API's validation messages are shown as they come. */
export function RegisterPage() {
  const session = useSession();
  const toasts = useToasts();
  const { route } = useLocation();
  const next = useNextPage();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submission = useSubmission();

  const submit = (event: Event) => {
    event.preventDefault();
    void submission.run(async () => {
      const user = await session.register(name.trim(), email.trim(), password);
      toasts.info(`Welcome, ${user.name}. Your account is ready.`);
      route(next);
    });
  };

  return (
    <section>
      <PageHeading title="Register">Register</PageHeading>
      <LoggedInNotice next={next} />
      <form class="form" onSubmit={submit}>
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
        {submission.error !== undefined && <ErrorMessage error={submission.error} />}
        <div class="actions">
          <button type="submit" disabled={submission.busy}>
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
