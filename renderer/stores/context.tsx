import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { type AgentState } from './agent';
import { type Stores } from './createStores';
import { type CustomerState } from './customer';
import { type HostState } from './host';
import { type QueueState } from './queue';
import { type SearchState } from './search';
import { type SettingsState } from './settings';
import { type SoftphoneState } from './softphone';
import { type SyncStoreState } from './sync';
import { type WorkState } from './work';
import { type WorkspaceState } from './workspace';
import { type WrapUpState } from './wrapup';

/**
 * Stores travel through context instead of module singletons: the app builds them around the real
 * host client, tests around a fake one, and nothing else changes.
 */
const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useStores() outside <StoresProvider>');
  return stores;
}

export const useHost = <T,>(select: (s: HostState) => T): T => useStore(useStores().host, select);
export const useSettings = <T,>(select: (s: SettingsState) => T): T => useStore(useStores().settings, select);
export const useSearch = <T,>(select: (s: SearchState) => T): T => useStore(useStores().search, select);
export const useCustomer = <T,>(select: (s: CustomerState) => T): T => useStore(useStores().customer, select);
export const useQueue = <T,>(select: (s: QueueState) => T): T => useStore(useStores().queue, select);
export const useAgent = <T,>(select: (s: AgentState) => T): T => useStore(useStores().agent, select);
export const useWorkspace = <T,>(select: (s: WorkspaceState) => T): T => useStore(useStores().workspace, select);
export const useSoftphone = <T,>(select: (s: SoftphoneState) => T): T => useStore(useStores().softphone, select);
export const useSync = <T,>(select: (s: SyncStoreState) => T): T => useStore(useStores().sync, select);
export const useWork = <T,>(select: (s: WorkState) => T): T => useStore(useStores().work, select);
export const useWrapUps = <T,>(select: (s: WrapUpState) => T): T => useStore(useStores().wrapups, select);
