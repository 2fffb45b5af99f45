import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';

import type { User } from '../api/types';
import { authApi } from './auth-api';
import { tokens } from './tokens';

/** Who is using the storefront: still finding out, nobody, or a known user. */
export type SessionState =
  | { status: 'loading'; user?: undefined }
  | { status: 'anonymous'; user?: undefined }
  | { status: 'authenticated'; user: User };

/** The session and what can be done with it. */
export interface Session {
  state: SessionState;
  user?: User;
  isAdmin: boolean;
  login(email: string, password: string): Promise<User>;
  /** Registers, then logs in with the same credentials. */
  register(name: string, email: string, password: string): Promise<User>;
  logout(): Promise<void>;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Restores the session from the stored refresh token at start, and keeps it in step with the tokens. */
export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<SessionState>(() =>
    tokens.refreshToken() ? { status: 'loading' } : { status: 'anonymous' },
  );

  useEffect(() => tokens.onSignedOut(() => setState({ status: 'anonymous' })), []);
  useEffect(() => tokens.followOtherTabs(), []);

  useEffect(() => {
    if (state.status !== 'loading') return;
    // After a reload only the refresh token is left: renew the pair first, then ask who we are.
    tokens
      .refresh()
      .then((renewed) => (renewed ? authApi.me() : undefined))
      .then((user) => setState(user ? { status: 'authenticated', user } : { status: 'anonymous' }))
      .catch(() => setState({ status: 'anonymous' }));
    // Only once, at start.
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    tokens.set(await authApi.login(email, password));
    const user = await authApi.me();
    setState({ status: 'authenticated', user });
    return user;
  }, []);

  const register = useCallback(
    async (name: string, email: string, password: string) => {
      await authApi.register(name, email, password);
      return login(email, password);
    },
    [login],
  );

  const logout = useCallback(async () => {
    const refreshToken = tokens.refreshToken();
    try {
      if (refreshToken) await authApi.logout(refreshToken);
    } finally {
      // Logged out here whatever the API said: the tokens are gone from this browser.
      tokens.clear();
      setState({ status: 'anonymous' });
    }
  }, []);

  const session = useMemo<Session>(
    () => ({
      state,
      user: state.user,
      isAdmin: state.user?.roles.includes('admin') ?? false,
      login,
      register,
      logout,
    }),
    [state, login, register, logout],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The current session (inside SessionProvider). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
