import { ApiFailure, type Handlers } from '../../../shared/api';
import type { Stores } from '../db';
import type { SecretBox } from '../secrets/secret-box';
import { recordAgentState } from './agent-states';
import { appInfo } from './appInfo';
import { recordCall } from './calls';
import { createCustomer } from './create-customer';
import { loadCustomer360 } from './customer360';
import { historyPage } from './history';
import { lookupCaller } from './lookup';
import { queueList } from './queue';
import { searchCustomers } from './search';
import { softphoneSettingsService } from './softphone-settings';

export interface ServiceContext {
  stores: Stores;
  version: string;
  mode: 'desktop' | 'web';
  defaultRegion: string;
  secretBox: SecretBox;
}

/** The contract's handler map over the stores: each entry is a plain function of its input. */
/** Every method but sync's, which the composition root wires to the sync client. */
export type ServiceHandlers = Omit<Handlers, 'syncStatus' | 'login' | 'logout'>;

export function createHandlers(ctx: ServiceContext): ServiceHandlers {
  const { customers, history, tasks } = ctx.stores;
  const { defaultRegion } = ctx;
  const softphone = softphoneSettingsService({ meta: ctx.stores.meta, secrets: ctx.stores.secrets, box: ctx.secretBox, now: Date.now });
  return {
    appInfo: () => appInfo({ customers, version: ctx.version, mode: ctx.mode, defaultRegion }),
    searchCustomers: (input) => searchCustomers({ customers, defaultRegion }, input),
    getCustomer: (input) => loadCustomer360({ customers, history }, input.customerId, input.pageSize),
    historyPage: (input) => historyPage({ customers, history }, input),
    lookupCaller: (input) => lookupCaller({ customers, history, defaultRegion }, input),
    queueList: (input) => queueList(tasks, input),
    createCustomer: (input) => createCustomer({ customers, history, defaultRegion }, input),
    recordCall: (input) => recordCall(ctx.stores, input),
    recordAgentState: (input) => recordAgentState(ctx.stores.agentStates, input),
    getSoftphoneSettings: () => softphone.get(),
    saveSoftphoneSettings: (input) => softphone.save(input.settings, input.password),
    softphoneCredentials: () => softphone.credentials(),
    // In progress (issue 6): replaced by services/followup in the next commits.
    followUpSettings: unbuilt,
    nextTask: unbuilt,
    openTask: unbuilt,
    checkDial: unbuilt,
    skipTask: unbuilt,
    rescheduleTask: unbuilt,
    saveFollowUpOutcome: unbuilt,
  };
}

function unbuilt(): never {
  throw new ApiFailure('unavailable', 'follow-up work is not built yet');
}
