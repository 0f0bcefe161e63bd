import type { Handlers } from '../../../shared/api';
import type { Stores } from '../db';
import type { Db } from '../db/open';
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
import type { FollowUpConfig } from './followup/config';
import { followUpService, type FollowUpService, type FollowUpSync } from './followup/service';
import { softphoneSettingsService } from './softphone-settings';

export interface ServiceContext {
  stores: Stores;
  version: string;
  mode: 'desktop' | 'web';
  defaultRegion: string;
  secretBox: SecretBox;
  db: Db;
  /** Follow-up work: the deployment's settings and the sync client's side of it (composition.ts). */
  followUp: { config: FollowUpConfig; sync: FollowUpSync; now?: () => number };
}

/** The contract's handler map over the stores: each entry is a plain function of its input. */
/** Every method but sync's, which the composition root wires to the sync client. */
export type ServiceHandlers = Omit<Handlers, 'syncStatus' | 'login' | 'logout'>;

export function createHandlers(ctx: ServiceContext): ServiceHandlers {
  return createServices(ctx).handlers;
}

/** The handler map and the follow-up service behind it (the host holds it for shutdown and tools). */
export function createServices(ctx: ServiceContext): { handlers: ServiceHandlers; followUp: FollowUpService } {
  const { customers, history, tasks } = ctx.stores;
  const { defaultRegion } = ctx;
  const softphone = softphoneSettingsService({ meta: ctx.stores.meta, secrets: ctx.stores.secrets, box: ctx.secretBox, now: Date.now });
  const followUp = followUpService({
    db: ctx.db,
    stores: ctx.stores,
    config: ctx.followUp.config,
    sync: ctx.followUp.sync,
    softphone: () => softphone.identity(),
    ...(ctx.followUp.now ? { now: ctx.followUp.now } : {}),
  });
  const handlers: ServiceHandlers = {
    appInfo: () => appInfo({ customers, version: ctx.version, mode: ctx.mode, defaultRegion }),
    searchCustomers: (input) => searchCustomers({ customers, defaultRegion }, input),
    getCustomer: (input) => loadCustomer360({ customers, history }, input.customerId, input.pageSize),
    historyPage: (input) => historyPage({ customers, history }, input),
    lookupCaller: (input) => lookupCaller({ customers, history, defaultRegion }, input),
    queueList: (input) => queueList(tasks, input, () => followUp.agent().id),
    createCustomer: (input) => createCustomer({ customers, history, defaultRegion }, input),
    recordCall: (input) => recordCall({ ...ctx.stores, feedback: (call) => followUp.callFeedback(call), appendEvent: (event) => ctx.followUp.sync.writes.appendEvent(event) }, input),
    recordAgentState: (input) => recordAgentState(ctx.stores.agentStates, input),
    getSoftphoneSettings: () => softphone.get(),
    saveSoftphoneSettings: (input) => softphone.save(input.settings, input.password),
    softphoneCredentials: () => softphone.credentials(),
    followUpSettings: () => followUp.settings(),
    nextTask: (input) => followUp.nextTask(input),
    openTask: (input) => followUp.openTask(input.taskId),
    checkDial: (input) => followUp.checkDial(input),
    skipTask: (input) => followUp.skipTask(input),
    rescheduleTask: (input) => followUp.rescheduleTask(input),
    saveFollowUpOutcome: (input) => followUp.saveOutcome(input),
  };
  return { handlers, followUp };
}
