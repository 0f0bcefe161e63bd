import { createStore, type StoreApi } from 'zustand/vanilla';

/** What the center of the console shows: the search outcome or a customer's 360 view. */
export type CenterView = 'search' | 'customer';

export interface WorkspaceState {
  center: CenterView;
  show(center: CenterView): void;
}
export type WorkspaceStore = StoreApi<WorkspaceState>;

export function createWorkspaceStore(): WorkspaceStore {
  return createStore<WorkspaceState>()((set) => ({ center: 'search', show: (center) => set({ center }) }));
}
