import type { LoginResult, Me, SessionView } from '@huiyin/core';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, type ReactNode } from 'react';
import { api, ApiError } from './client.ts';
import { useApiMutation, useApiQuery } from './query.ts';

export type { Me };

/** What a signed-in session may do until the password is changed ('password') or a second factor enrolled ('totp'). */
export type Restriction = 'password' | 'totp';

interface Session {
  /** undefined while loading, null when signed out (or while the session is restricted). */
  me: Me | null | undefined;
  /** A signed-in session that must first change the password or enrol the second factor (the login page handles it). */
  restricted: { user: Me; restricted: Restriction } | null;
  /** Sign in; `totp` is the authenticator code or a recovery code. */
  signIn(username: string, password: string, totp?: string): Promise<LoginResult>;
  signOut(): Promise<void>;
  /** Ask the server again who is signed in (after a password change or an enrolment lifts a restriction). */
  refresh(): Promise<void>;
}

const Ctx = createContext<Session | null>(null);
const sessionKey = ['session'];

/** The signed-in staff member (the session cookie is HttpOnly; /api/v1/auth/session tells who it is). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const session = useApiQuery<SessionView>(sessionKey, '/api/v1/auth/session', {
    retry: false,
    // The language does not change who is signed in.
    staleTime: Infinity,
  });
  const view = session.isError ? null : session.data;
  const restrictedAs = view?.user && view.restricted ? { user: view.user, restricted: view.restricted } : null;
  const me = view === undefined ? undefined : restrictedAs ? null : (view?.user ?? null);
  /** Another user sees other cases: nothing read for the previous one is kept. */
  const become = useCallback(
    (view: SessionView) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      qc.setQueryData(sessionKey, view);
    },
    [qc],
  );
  // A session that ended meanwhile (idle timeout, ended elsewhere, password changed on another device):
  // the next refused read sends the user to the sign-in page, which brings them back afterwards.
  useEffect(() => {
    const ended = (error: unknown) =>
      error instanceof ApiError &&
      (error.code === 'unauthorized' || error.code === 'password_change_required' || error.code === 'totp_enrolment_required');
    return qc.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.query.queryKey[0] === sessionKey[0]) return;
      if (event.action.type === 'error' && ended(event.action.error)) void qc.invalidateQueries({ queryKey: sessionKey });
    });
  }, [qc]);
  const login = useApiMutation((body: { username: string; password: string; totp?: string }) =>
    api<LoginResult>('/api/v1/auth/login', { method: 'POST', body }),
  );
  const logout = useApiMutation(() => api('/api/v1/auth/logout', { method: 'POST' }));
  const { mutateAsync: loginAsync } = login;
  const { mutateAsync: logoutAsync } = logout;
  const signIn = useCallback(
    async (username: string, password: string, totp?: string) => {
      const r = await loginAsync({ username, password, ...(totp ? { totp } : {}) });
      const restricted: Restriction | null = r.passwordChangeRequired ? 'password' : r.totpEnrolmentRequired ? 'totp' : null;
      become({ user: r.user, restricted });
      return r;
    },
    [loginAsync, become],
  );
  const signOut = useCallback(async () => {
    await logoutAsync().catch(() => undefined);
    become({ user: null, restricted: null });
  }, [logoutAsync, become]);
  const refresh = useCallback(async () => {
    become(await api<SessionView>('/api/v1/auth/session'));
  }, [become]);
  return <Ctx.Provider value={{ me, restricted: restrictedAs, signIn, signOut, refresh }}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('SessionProvider missing');
  return v;
}
