import { useSession } from '../session/session-context';

/** On the login and register pages: who is already logged in, and the way on to the page asked for. */
export function LoggedInNotice({ next }: { next: string }) {
  const session = useSession();
  if (!session.user) return null;
  return (
    <p class="muted">
      You are logged in as {session.user.name}. <a href={next}>Continue</a>
    </p>
  );
}
