import type { z } from 'zod';

/** A record the store refused (on write) or could not read back (on read), naming the field. */
export class InvalidRecordError extends Error {
  readonly field: string | undefined;
  constructor(what: string, field: string | undefined, detail: string) {
    super(`${what}: ${field ? `${field}: ` : ''}${detail}`);
    this.name = 'InvalidRecordError';
    this.field = field;
  }
}

/** Parses with a zod schema; a failure becomes one sentence naming the first bad field. */
export function describeIssue(error: z.ZodError): { field: string | undefined; detail: string } {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  return { field, detail: issue?.message ?? 'invalid' };
}

export function validated<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { field, detail } = describeIssue(parsed.error);
  throw new InvalidRecordError(what, field, detail);
}

/** The id of a record that may not even be an object yet, for error messages. */
export function idOf(value: unknown): string {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 64) : '?';
}
