import { type i18n as I18n } from 'i18next';
import { createI18n } from './i18n/setup';
import { createStores, type StoreDeps, type Stores } from './stores/createStores';

/**
 * Builds the stores and the i18n instance and ties the language setting to i18next. The same call
 * serves main.tsx (real host client, localStorage) and tests (fake client, in-memory storage).
 */
export function createApp(deps: StoreDeps): { stores: Stores; i18n: I18n } {
  const stores = createStores(deps);
  const i18n = createI18n(stores.settings.getState().language);
  stores.settings.subscribe((state, previous) => {
    if (state.language !== previous.language) void i18n.changeLanguage(state.language);
  });
  return { stores, i18n };
}
