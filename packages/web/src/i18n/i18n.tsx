import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { z } from 'zod';
import { setApiLang } from '../api/client.ts';
import { queryClient } from '../api/query.ts';
import { en, zh, type MessageKey } from './messages.ts';

export type Lang = 'zh' | 'en';

interface I18n {
  lang: Lang;
  /** The text for `key`, with {name} placeholders filled from `vars`. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  setLang: (l: Lang) => void;
}

const Ctx = createContext<I18n | null>(null);

function applyZodLocale(lang: Lang) {
  // Validation messages from the shared core schemas follow the UI language.
  z.config(lang === 'zh' ? z.locales.zhCN() : z.locales.en());
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l: Lang = localStorage.getItem('huiyin.lang') === 'en' ? 'en' : 'zh';
    applyZodLocale(l);
    setApiLang(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem('huiyin.lang', l);
    applyZodLocale(l);
    setApiLang(l);
    // What the API said in the other language (names, messages) is asked again in this one.
    void queryClient.invalidateQueries();
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(() => {
    const table = lang === 'zh' ? zh : en;
    return {
      lang,
      setLang,
      t: (key, vars) => {
        let s: string = table[key] ?? key;
        if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
        return s;
      },
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}

/** Dates and times in Beijing time, in the UI language. */
export function formatTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: 'Asia/Shanghai', hour12: false });
}
