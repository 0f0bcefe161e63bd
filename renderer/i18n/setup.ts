import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Language } from './languages';
import { en } from './resources/en';
import { zhCN } from './resources/zh-CN';

export const resources = { en: { translation: en }, 'zh-CN': { translation: zhCN } } as const;

/**
 * One i18next instance per app (and per test), never the global singleton, so tests cannot leak a
 * language into each other. Resources are bundled: init is synchronous and the first paint is translated.
 */
export function createI18n(language: Language, doc: Document | null = globalThis.document ?? null): I18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (lng) => {
    if (!doc) return;
    // Screen readers, CJK font selection and hyphenation all key off <html lang>.
    doc.documentElement.lang = lng;
    doc.title = instance.t('app.title');
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['zh-CN', 'en'],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
  });
  return instance;
}
