/** What the demo seed scripts (seed-demo.ts, seed-server-demo.ts) read from their command lines alike. */

/** Demo scales either script accepts. */
export const MIN_CUSTOMERS = 1_000;
export const MAX_CUSTOMERS = 1_000_000;

/** Prints `<tool>: message` and exits 2 (a bad command line, or a store it refuses to touch). */
export function failer(tool: string): (message: string) => never {
  return (message) => {
    process.stderr.write(`${tool}: ${message}\n`);
    process.exit(2);
  };
}

/** A whole number option (`1_000` and `1,000` read as 1000) within [min, max]. */
export function integer(fail: (message: string) => never, name: string, value: string, min: number, max: number): number {
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < min || n > max) fail(`--${name}: expected a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** `--anchor`, the demo world's "now", as epoch ms; undefined when not given. */
export function anchor(fail: (message: string) => never, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) fail(`--anchor: expected an ISO date such as 2026-11-20, got "${value}"`);
  return ms;
}
