import type { Handlers } from '../../../shared/api';
import type { Stores } from '../db';
import { appInfo } from './appInfo';
import { loadCustomer360 } from './customer360';
import { historyPage } from './history';
import { lookupCaller } from './lookup';
import { queueList } from './queue';
import { searchCustomers } from './search';

export interface ServiceContext {
  stores: Stores;
  version: string;
  mode: 'desktop' | 'web';
  defaultRegion: string;
}

/** The contract's handler map over the stores: each entry is a plain function of its input. */
export function createHandlers(ctx: ServiceContext): Handlers {
  const { customers, history, tasks } = ctx.stores;
  const { defaultRegion } = ctx;
  return {
    appInfo: () => appInfo({ customers, version: ctx.version, mode: ctx.mode, defaultRegion }),
    searchCustomers: (input) => searchCustomers({ customers, defaultRegion }, input),
    getCustomer: (input) => loadCustomer360({ customers, history }, input.customerId, input.pageSize),
    historyPage: (input) => historyPage({ customers, history }, input),
    lookupCaller: (input) => lookupCaller({ customers, history, defaultRegion }, input),
    queueList: (input) => queueList(tasks, input),
  };
}
