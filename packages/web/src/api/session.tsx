import type { LoginResult, Me, SessionView } from '@huiyin/core';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { api } from './client.ts';
import { useApiMutation, useApiQuery } from './query.ts';

export type { Me };

interface Session {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
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
  const me = session.isError ? null : session.data?.user;
  /** Another user sees other cases: nothing read for the previous one is kept. */
  const become = useCallback(
    (user: Me | null) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      qc.setQueryData(sessionKey, { user });
    },
    [qc],
  );
  const login = useApiMutation((body: { username: string; password: string }) =>
    api<LoginResult>('/api/v1/auth/login', { method: 'POST', body }),
  );
  const logout = useApiMutation(() => api('/api/v1/auth/logout', { method: 'POST' }));
  const { mutateAsync: loginAsync } = login;
  const { mutateAsync: logoutAsync } = logout;
  const signIn = useCallback(
    async (username: string, password: string) => {
      const r = await loginAsync({ username, password });
      become(r.user);
    },
    [loginAsync, become],
  );
  const signOut = useCallback(async () => {
    await logoutAsync().catch(() => undefined);
    become(null);
  }, [logoutAsync, become]);
  return <Ctx.Provider value={{ me, signIn, signOut }}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('SessionProvider missing');
  return v;
}
