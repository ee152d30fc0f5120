// React binding for the i18n dictionary: current language, switcher, t().
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { configureApi } from '../api.ts';
import { initialLang, LANG_STORAGE_KEY, translate, type Lang, type MessageKey, type Params } from '../i18n.ts';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
}

const I18nContext = createContext<I18n | null>(null);

function readStoredLang(): Lang {
  try {
    return initialLang(window.localStorage.getItem(LANG_STORAGE_KEY));
  } catch {
    return initialLang(null);
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = readStoredLang();
    configureApi({ lang: l });
    return l;
  });

  useEffect(() => {
    document.documentElement.lang = lang;
    configureApi({ lang });
  }, [lang]);

  const setLang = useCallback((l: Lang) => {
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, l);
    } catch {
      // Private mode / storage disabled: keep in memory only.
    }
    configureApi({ lang: l });
    setLangState(l);
  }, []);

  const value = useMemo<I18n>(() => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
