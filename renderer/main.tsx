// First: configures zod before any schema is created (see zod-config.ts).
import './zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api, onEvent } from './api';
import { App } from './App';
import { createApp } from './createApp';
import { Softphone } from './softphone/softphone';
import './styles/global.css';

const { stores, i18n } = createApp({
  client: { api, onEvent },
  storage: safeLocalStorage(),
  preferredLanguages: navigator.languages ?? [navigator.language],
  createPhoneEngine: (events) => new Softphone(events),
});
stores.start();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App stores={stores} i18n={i18n} />
  </StrictMode>,
);

/** Storage can be disabled by policy; the console still works, it just forgets the language. */
function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
