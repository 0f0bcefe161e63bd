/**
 * Task claims are decided by the server alone: it is the one place that sees every console.
 * A lease is a promise that nobody else gets the task until `leaseUntil`, so a console that goes
 * offline keeps working its tasks for the whole lease. `epoch` counts grants to new holders; an
 * outcome made under an older epoch lost the task to someone else.
 */
export interface LeaseState {
  readonly holder: string | null;
  readonly leaseUntil: number | null;
  readonly epoch: number;
}

export const DEFAULT_LEASE_MS = 8 * 60 * 60_000;

export type ClaimDecision =
  | { granted: true; lease: LeaseState; renewed: boolean }
  | { granted: false; holder: string; leaseUntil: number };

export function isLeaseLive(state: LeaseState, now: number): boolean {
  return state.holder !== null && state.leaseUntil !== null && state.leaseUntil > now;
}

/** Claiming a free or expired task makes a new epoch; the holder claiming again just extends its lease. */
export function decideClaim(state: LeaseState, who: string, now: number, leaseMs: number): ClaimDecision {
  if (isLeaseLive(state, now) && state.holder !== who) {
    return { granted: false, holder: state.holder ?? '', leaseUntil: state.leaseUntil ?? now };
  }
  const renewed = state.holder === who && isLeaseLive(state, now);
  return { granted: true, renewed, lease: { holder: who, leaseUntil: now + leaseMs, epoch: renewed ? state.epoch : state.epoch + 1 } };
}

/** A console offline asks itself this before working a task: the lease still protects it. */
export function holdsLease(state: LeaseState, who: string, now: number): boolean {
  return state.holder === who && isLeaseLive(state, now);
}

/**
 * Whether an outcome recorded under `epoch` may close the task. It may when no other console has
 * been granted the task since, even if the lease ran out while the console was offline: nobody
 * else worked it, so the work counts.
 */
export function outcomeMayClose(state: LeaseState, who: string, epoch: number): boolean {
  return state.epoch === epoch && state.holder === who;
}
