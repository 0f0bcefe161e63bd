import { useTranslation } from 'react-i18next';
import { createFormatters, type Formatters } from './format';
import { isLanguage } from './languages';

const cache = new Map<string, Formatters>();

/** Intl formatters for the current UI language; rebuilt only when the language changes. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'en';
  let formatters = cache.get(language);
  if (!formatters) {
    formatters = createFormatters(language);
    cache.set(language, formatters);
  }
  return formatters;
}
