import type { en } from './resources/en';

/** Typed keys: `t('history.titel')` is a compile error, not a blank label in production. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
