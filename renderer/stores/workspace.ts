import { createStore, type StoreApi } from 'zustand/vanilla';

/** What the center of the console shows: the search outcome, a customer's 360 view, a call's screen-pop, or the follow-up being worked. */
export type CenterView = 'search' | 'customer' | 'screenpop' | 'followup';

export interface WorkspaceState {
  center: CenterView;
  show(center: CenterView): void;
}
export type WorkspaceStore = StoreApi<WorkspaceState>;

export function createWorkspaceStore(): WorkspaceStore {
  return createStore<WorkspaceState>()((set) => ({ center: 'search', show: (center) => set({ center }) }));
}
