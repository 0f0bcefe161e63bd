import { type Client } from '../api/client';
import { createAgentStore, type AgentStore } from './agent';
import { createCustomerStore, type CustomerStore } from './customer';
import { createHostStore, withHealth, type HostStore } from './host';
import { createQueueStore, type QueueStore } from './queue';
import { createSearchStore, type SearchStore } from './search';
import { createSyncStore, type SyncStore } from './sync';
import { createSoftphoneStore, type PhoneEngine, type PhoneEvents, type SoftphoneStore } from './softphone';
import { createSettingsStore, type SettingsStorage, type SettingsStore } from './settings';
import { createWorkStore, type WorkStore } from './work';
import { createWorkspaceStore, type WorkspaceStore } from './workspace';
import { createWrapUpStore, type WrapUpStore } from './wrapup';

export interface Stores {
  host: HostStore;
  settings: SettingsStore;
  search: SearchStore;
  customer: CustomerStore;
  queue: QueueStore;
  agent: AgentStore;
  softphone: SoftphoneStore;
  workspace: WorkspaceStore;
  sync: SyncStore;
  /** Follow-up work: next task, preview, call, skip, reschedule. */
  work: WorkStore;
  /** After-call work of every call (inbound, manual, follow-up). */
  wrapups: WrapUpStore;
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
  /** The sip.js phone in the app; a fake in tests; absent where no calls are made. */
  createPhoneEngine?: (events: PhoneEvents) => PhoneEngine;
}

/** Builds every store around one api client; the only place stores are wired to each other. */
export function createStores({ client, storage, preferredLanguages, createPhoneEngine }: StoreDeps): Stores {
  const host = createHostStore(client.api);
  const api = withHealth(client.api, host);
  const workspace = createWorkspaceStore();
  const customer = createCustomerStore(api);
  const openCustomer = (customerId: string) => {
    workspace.getState().show('customer');
    void customer.getState().open(customerId);
  };
  const search = createSearchStore(api, { onSubmit: () => workspace.getState().show('search'), onSingleMatch: openCustomer });

  // The wrap-up and work stores are built after the softphone; its callbacks reach them lazily.
  let wrapups: WrapUpStore | null = null;
  let work: WorkStore | null = null;
  const softphone = createSoftphoneStore({
    api,
    lineEnded: (line, context) => wrapups?.getState().begin(line, context),
    customerChosen: (lineId, customerId) => wrapups?.getState().setCustomer(lineId, customerId),
    endedLine: (lineId) => wrapups?.getState().items.find((w) => w.id === lineId)?.line,
    createEngine: createPhoneEngine ?? (() => noPhone()),
    presentCustomer: (target) => {
      if ('view' in target) customer.getState().present(target.view);
      else void customer.getState().open(target.customerId);
    },
    showScreenPop: () => workspace.getState().show('screenpop'),
    storage,
  });

  const queue = createQueueStore(api);
  work = createWorkStore({
    api,
    softphone,
    showPreview: (customerId) => {
      workspace.getState().show('followup');
      void customer.getState().open(customerId);
    },
    typeFilter: () => queue.getState().type,
    queueChanged: () => void queue.getState().reload(),
  });
  const workStore = work;
  wrapups = createWrapUpStore({
    api,
    settings: () => workStore.getState().settings,
    followUpFor: (taskId) => workStore.getState().followUpFor(taskId),
    extension: () => softphone.getState().settings?.settings?.extension ?? null,
    wrapUpLimitSec: () => softphone.getState().policy.wrapUpLimitSec,
    allSaved: () => softphone.getState().wrapUpDone(),
    followUpSaved: (wrap, saved) => wrap.followUp && workStore.getState().outcomeSaved(wrap.followUp.taskId, saved),
  });

  const stores: Stores = {
    host,
    settings: createSettingsStore(storage, preferredLanguages),
    search,
    customer,
    queue,
    agent: createAgentStore(),
    softphone,
    workspace,
    sync: createSyncStore(client.api),
    work,
    wrapups,
    openCustomer,
    start() {
      void host.getState().check();
      void stores.queue.getState().reload();
      void workStore.getState().loadSettings();
      if (createPhoneEngine) void softphone.getState().boot();
      const unsubscribe = client.onEvent('changed', ({ domain, ids }) => {
        if (domain === 'tasks') void stores.queue.getState().reload();
        const open = customer.getState().customerId;
        if (open && domain !== 'tasks' && ids.includes(open)) void customer.getState().refresh();
      });
      void stores.sync.getState().load();
      const unsubscribeSync = client.onEvent('syncStatus', (status) => stores.sync.getState().receive(status));
      return () => {
        unsubscribe();
        unsubscribeSync();
        host.getState().stop();
      };
    },
  };
  return stores;
}

/** Where no phone is wired (tests of other features), every call action says so instead of failing silently. */
function noPhone(): PhoneEngine {
  const refuse = () => Promise.reject(new Error('no softphone in this console'));
  return {
    start: () => undefined,
    stop: () => Promise.resolve(),
    dial: refuse,
    answer: refuse,
    reject: refuse,
    hangup: refuse,
    hold: refuse,
    mute: () => undefined,
    sendDtmf: refuse,
    blindTransfer: refuse,
    attendedTransfer: refuse,
    swap: refuse,
    refreshQuality: () => Promise.resolve(null),
    setInputDevice: refuse,
    setOutputDevice: refuse,
  };
}
