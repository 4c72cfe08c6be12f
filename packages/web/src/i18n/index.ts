import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import zh from './zh.json';

/** The two UI languages. Simplified Chinese matters: RF neurotomy for HFS is mostly practised in China. */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh', label: '简体中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'hemispasm.lang';

function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  const stored = fromUrl ?? window.localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'zh') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function setLanguage(lang: Language): void {
  window.localStorage.setItem(STORAGE_KEY, lang);
  void i18next.changeLanguage(lang);
}

export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Screen readers and axe need the page language; Chinese is zh-Hans (Simplified).
  const applyLang = (lng: string) => {
    document.documentElement.lang = lng === 'zh' ? 'zh-Hans' : 'en';
  };
  applyLang(i18next.language);
  i18next.on('languageChanged', applyLang);
  return i18next;
}
