import { createContext, useContext, useState, type ReactNode } from 'react';
import { en, zh, type MessageKey } from './messages.ts';

export type Lang = 'zh' | 'en';

interface I18n {
  lang: Lang;
  t: (key: MessageKey) => string;
  setLang: (l: Lang) => void;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('huiyin.lang') === 'en' ? 'en' : 'zh'));
  const setLang = (l: Lang) => {
    localStorage.setItem('huiyin.lang', l);
    setLangState(l);
  };
  const t = (key: MessageKey) => (lang === 'zh' ? zh[key] : en[key]);
  return <Ctx.Provider value={{ lang, t, setLang }}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}
