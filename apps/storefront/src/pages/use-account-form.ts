import { useLocation } from 'preact-iso';

import type { User } from '../api/types';
import type { Submission } from '../components/use-submission';
import { useSubmission } from '../components/use-submission';
import { useToasts } from '../layout/toasts';
import { useNextPage } from './use-next-page';

/** What the login and register pages get from {@link useAccountForm}. */
export interface AccountForm extends Submission {
  /** Where the reader goes once logged in (the page that sent them here, or the catalog). */
  next: string;
  /** The form's submit handler. */
  submit(event: Event): void;
}

/**
 * The submit of the login and register forms: `enter` logs the reader in (creating the account
 * first, for register), then a welcome toast and on to the page that asked for it.
 */
export function useAccountForm(enter: () => Promise<User>, welcome: (user: User) => string): AccountForm {
  const toasts = useToasts();
  const { route } = useLocation();
  const next = useNextPage();
  const submission = useSubmission();

  const submit = (event: Event) => {
    event.preventDefault();
    void submission.run(async () => {
      const user = await enter();
      toasts.info(welcome(user));
      route(next);
    });
  };

  return { ...submission, next, submit };
}
