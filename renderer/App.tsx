import { type i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { AgentLayout } from './features/layout/AgentLayout';
import { StoresProvider } from './stores/context';
import { type Stores } from './stores/createStores';

/** The console: everything below reads its stores and its language from these two providers. */
export function App({ stores, i18n }: { stores: Stores; i18n: I18n }) {
  return (
    <StoresProvider stores={stores}>
      <I18nextProvider i18n={i18n}>
        <AgentLayout />
      </I18nextProvider>
    </StoresProvider>
  );
}
