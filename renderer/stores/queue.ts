import { createStore, type StoreApi } from 'zustand/vanilla';
import { type Api, type QueueList } from '../../shared/api/contract';
import { type TaskStatus } from '../../shared/domain';
import { toProblem, type Problem } from './problem';

export const QUEUE_PAGE_SIZE = 200;

export type QueueTask = QueueList['tasks'][number];
export type QueueLoad = 'idle' | 'loading' | 'ready' | 'more' | 'error';

/** A status, or 'held': the tasks this agent holds (leased to them, e.g. taken ahead to work offline). */
export type QueueStatusFilter = TaskStatus | 'held';

export interface QueueState {
  /** null = every status. Agents start on the work that is still to do. */
  status: QueueStatusFilter | null;
  type: string | null;
  tasks: QueueTask[];
  total: number;
  load: QueueLoad;
  problem: Problem | null;
  /** Every task type seen so far, so the type filter keeps its options while it is applied. */
  knownTypes: string[];
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  setStatus(status: QueueStatusFilter | null): Promise<void>;
  setType(type: string | null): Promise<void>;
}
export type QueueStore = StoreApi<QueueState>;

/** Types the follow-up rules create today; listed up front so the filter is useful before data arrives. */
const BASE_TYPES = ['satisfaction_survey', 'complaint_care', 'reactivation'];

export function createQueueStore(api: Api, initialStatus: TaskStatus | null = 'queued'): QueueStore {
  let generation = 0;
  return createStore<QueueState>()((set, get) => {
    const fetchPage = (offset: number) => {
      const { status, type } = get();
      return api.queueList({
        ...(status === 'held' ? { held: true } : status ? { status } : {}),
        ...(type ? { type } : {}),
        limit: QUEUE_PAGE_SIZE,
        offset,
      });
    };
    const learnTypes = (tasks: QueueTask[]) => {
      const known = new Set(get().knownTypes);
      const before = known.size;
      for (const task of tasks) known.add(task.type);
      return known.size === before ? get().knownTypes : [...known].sort();
    };

    return {
      status: initialStatus,
      type: null,
      tasks: [],
      total: 0,
      load: 'idle',
      problem: null,
      knownTypes: [...BASE_TYPES].sort(),

      async reload() {
        const mine = ++generation;
        set({ load: 'loading', problem: null });
        try {
          const page = await fetchPage(0);
          if (mine !== generation) return;
          set({ tasks: page.tasks, total: page.total, load: 'ready', knownTypes: learnTypes(page.tasks) });
        } catch (error) {
          if (mine !== generation) return;
          set({ load: 'error', problem: toProblem(error) });
        }
      },

      async loadMore() {
        const { load, tasks, total } = get();
        if (load !== 'ready' || tasks.length >= total) return;
        const mine = generation;
        set({ load: 'more' });
        try {
          const page = await fetchPage(tasks.length);
          if (mine !== generation) return;
          // Offset paging can repeat a task that moved while we scrolled: keep the first copy.
          const seen = new Set(get().tasks.map((t) => t.id));
          const fresh = page.tasks.filter((t) => !seen.has(t.id));
          set((s) => ({ tasks: [...s.tasks, ...fresh], total: page.total, load: 'ready', knownTypes: learnTypes(fresh) }));
        } catch (error) {
          if (mine !== generation) return;
          set({ load: 'error', problem: toProblem(error) });
        }
      },

      async setStatus(status) {
        set({ status, tasks: [], total: 0 });
        await get().reload();
      },

      async setType(type) {
        set({ type, tasks: [], total: 0 });
        await get().reload();
      },
    };
  });
}
