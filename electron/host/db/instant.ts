/**
 * Instants cross the API as ISO-8601 strings (any offset) and rest in the store as INTEGER Unix
 * milliseconds, so "+08:00" and "Z" writers sort together. Reads always come back in UTC ("…Z").
 */
export function toMillis(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 instant: ${instant.slice(0, 40)}`);
  return ms;
}

export function fromMillis(ms: number): string {
  return new Date(ms).toISOString();
}
