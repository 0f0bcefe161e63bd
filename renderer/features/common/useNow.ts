import { useEffect, useState } from 'react';

/**
 * The current time as state, ticking every `intervalMs`: "today", "overdue" and relative labels
 * stay right on a console left open all shift, and render stays pure.
 */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
