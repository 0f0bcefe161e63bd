import { createStore, type StoreApi } from 'zustand/vanilla';

/**
 * Placeholder for the softphone release: agent presence and registration will be driven by the
 * sip.js user agent. The panel already reads this store so the softphone work only fills it in.
 */
export type AgentPresence = 'offline' | 'available' | 'busy' | 'wrap_up' | 'break';
export type Registration = 'unavailable' | 'unregistered' | 'registering' | 'registered';

export interface AgentState {
  presence: AgentPresence;
  registration: Registration;
}
export type AgentStore = StoreApi<AgentState>;

export function createAgentStore(): AgentStore {
  return createStore<AgentState>()(() => ({ presence: 'offline', registration: 'unavailable' }));
}
