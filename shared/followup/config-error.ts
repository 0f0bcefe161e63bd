import type { z } from 'zod';

/** One problem in a piece of configuration, with the field spelt the way a person edits the JSON. */
export interface FieldError {
  /** e.g. "rules[2].trigger.status[0]"; "" for the document itself. */
  field: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Thrown by the `load*` variants; the message names the first bad field, `errors` lists them all. */
export class ConfigError extends Error {
  readonly errors: FieldError[];
  readonly field: string;
  constructor(what: string, errors: FieldError[]) {
    const first = errors[0];
    super(first ? `${what}: ${first.field || '(document)'}: ${first.message}` : `${what}: invalid`);
    this.name = 'ConfigError';
    this.errors = errors;
    this.field = first?.field ?? '';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Every issue, not just the first: a rules file with three mistakes should take one round trip to fix. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      // Name the unknown key itself, so "dealy" points at the typo rather than at its parent object.
      return issue.keys.map((key) => ({ field: formatPath([...issue.path, key]), message: 'unknown field' }));
    }
    return [{ field: formatPath(issue.path), message: issue.message }];
  });
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.infer<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

export function loadWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = parseWith(schema, input);
  if (!parsed.ok) throw new ConfigError(what, parsed.errors);
  return parsed.value;
}
