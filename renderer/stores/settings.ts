import { createStore, type StoreApi } from 'zustand/vanilla';
import { detectLanguage, isLanguage, type Language } from '../i18n/languages';

const LANGUAGE_KEY = 'huifang.language';

export interface SettingsState {
  language: Language;
  setLanguage(language: Language): void;
}
export type SettingsStore = StoreApi<SettingsState>;

/** Where settings persist; `localStorage` in the app, a Map in tests. */
export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The agent's choice wins; otherwise the browser's language list decides (zh* → 中文, else English). */
export function initialLanguage(storage: SettingsStorage | null, preferred: readonly string[]): Language {
  const saved = safeGet(storage, LANGUAGE_KEY);
  return isLanguage(saved) ? saved : detectLanguage(preferred);
}

export function createSettingsStore(storage: SettingsStorage | null, preferred: readonly string[]): SettingsStore {
  return createStore<SettingsState>()((set) => ({
    language: initialLanguage(storage, preferred),
    setLanguage(language) {
      try {
        storage?.setItem(LANGUAGE_KEY, language);
      } catch {
        // Private mode or a full quota: the choice still applies for this session.
      }
      set({ language });
    },
  }));
}

function safeGet(storage: SettingsStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}
