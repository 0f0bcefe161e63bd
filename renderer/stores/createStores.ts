import { type Client } from '../api/client';
import { createAgentStore, type AgentStore } from './agent';
import { createCustomerStore, type CustomerStore } from './customer';
import { createHostStore, withHealth, type HostStore } from './host';
import { createQueueStore, type QueueStore } from './queue';
import { createSearchStore, type SearchStore } from './search';
import { createSettingsStore, type SettingsStorage, type SettingsStore } from './settings';
import { createWorkspaceStore, type WorkspaceStore } from './workspace';

export interface Stores {
  host: HostStore;
  settings: SettingsStore;
  search: SearchStore;
  customer: CustomerStore;
  queue: QueueStore;
  agent: AgentStore;
  workspace: WorkspaceStore;
  /** Shows a customer's 360 view in the center (from search, the queue, later a screen-pop). */
  openCustomer: (customerId: string) => void;
  /** Starts talking to the host: first loads and the `changed` subscription. Returns the teardown. */
  start: () => () => void;
}

export interface StoreDeps {
  client: Client;
  storage: SettingsStorage | null;
  /** navigator.languages in the app; fixed lists in tests. */
  preferredLanguages: readonly string[];
}

/** Builds every store around one api client; the only place stores are wired to each other. */
export function createStores({ client, storage, preferredLanguages }: StoreDeps): Stores {
  const host = createHostStore(client.api);
  const api = withHealth(client.api, host);
  const workspace = createWorkspaceStore();
  const customer = createCustomerStore(api);
  const openCustomer = (customerId: string) => {
    workspace.getState().show('customer');
    void customer.getState().open(customerId);
  };
  const search = createSearchStore(api, { onSubmit: () => workspace.getState().show('search'), onSingleMatch: openCustomer });

  const stores: Stores = {
    host,
    settings: createSettingsStore(storage, preferredLanguages),
    search,
    customer,
    queue: createQueueStore(api),
    agent: createAgentStore(),
    workspace,
    openCustomer,
    start() {
      void host.getState().check();
      void stores.queue.getState().reload();
      const unsubscribe = client.onEvent('changed', ({ domain, ids }) => {
        if (domain === 'tasks') void stores.queue.getState().reload();
        const open = customer.getState().customerId;
        if (open && domain !== 'tasks' && ids.includes(open)) void customer.getState().refresh();
      });
      return () => {
        unsubscribe();
        host.getState().stop();
      };
    },
  };
  return stores;
}
