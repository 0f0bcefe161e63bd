/**
 * Group commit: the work items of all concurrent callers are gathered while the previous batch is
 * in its transaction, and applied together in the next one, so a transaction's fixed cost (its
 * round trips, the commit, the sequence counter on PostgreSQL) is paid once per batch instead of
 * once per caller. Each caller's promise settles when the batch holding its item has committed.
 *
 * A lone caller waits for nothing but the current event-loop turn. A batch that fails (anything but
 * what the engine retries by itself) is re-run item by item, so one bad request fails alone and
 * the others behind it still commit.
 */
export interface GroupCommitOptions {
  /** Most units (ops) per batch; an item larger than this still goes, alone. */
  maxUnits: number;
  /** Batches in their transaction at once (each holds one database connection). */
  maxInFlight: number;
}

interface Pending<I, R> {
  item: I;
  units: number;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<I, R> {
  private queue: Pending<I, R>[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    /** Applies the items in one transaction; returns one result per item, in order. */
    private readonly apply: (items: readonly I[]) => Promise<readonly R[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: I, units: number): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, units, resolve, reject });
      if (!this.scheduled && this.inFlight < this.options.maxInFlight) {
        // Callers that arrive in the same turn (one socket read can hold many requests) share a batch.
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Batches waiting or running. */
  get busy(): boolean {
    return this.inFlight > 0 || this.queue.length > 0;
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      let units = 0;
      let n = 0;
      while (n < this.queue.length && (n === 0 || units + this.queue[n]!.units <= this.options.maxUnits)) {
        units += this.queue[n]!.units;
        n += 1;
      }
      const batch = this.queue.splice(0, n);
      this.inFlight += 1;
      void this.run(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async run(batch: Pending<I, R>[]): Promise<void> {
    try {
      const results = await this.apply(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(results[i]!));
      return;
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
    }
    for (const p of batch) {
      try {
        p.resolve((await this.apply([p.item]))[0]!);
      } catch (error) {
        p.reject(error);
      }
    }
  }
}
