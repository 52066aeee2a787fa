import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './client.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface Me {
  id: number;
  username: string;
  displayName: string;
  roles: string[];
  units: { id: number; name: string; regionCode: string; kind: string }[];
}

interface Session {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const Ctx = createContext<Session | null>(null);

/** The signed-in staff member (the session cookie is HttpOnly; /api/v1/me tells who it is). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    api<{ user: Me | null }>('/api/v1/auth/session').then(
      (r) => setMe(r.user),
      () => setMe(null),
    );
    // The language does not change who is signed in.
  }, []);
  const signIn = useCallback(
    async (username: string, password: string) => {
      const r = await api<{ user: Me }>('/api/v1/auth/login', { method: 'POST', body: { username, password } });
      setMe(r.user);
    },
    [lang],
  );
  const signOut = useCallback(async () => {
    await api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
    setMe(null);
  }, [lang]);
  return <Ctx.Provider value={{ me, signIn, signOut }}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('SessionProvider missing');
  return v;
}
