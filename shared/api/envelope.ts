import { z } from 'zod';

/** Every reply crossing a transport has this shape, so a failure is data, never a thrown string. */
export const ErrorCode = z.enum(['bad_request', 'unknown_method', 'not_found', 'unauthorized', 'internal', 'unavailable']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Dotted path of the offending input field, e.g. "limit" or "before.occurredAt". */
  field: z.string().optional(),
  /**
   * Every problem when a form has several (the wrap-up's required fields): `field` and `message`
   * above are the first one. Absent when there is one problem.
   */
  problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const EnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ApiError }),
]);

/** Thrown on the renderer side when the host answered with an error envelope. */
export class HostError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly problems: FieldProblem[];
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'HostError';
    this.code = error.code;
    this.field = error.field;
    this.problems = error.problems ?? (error.field !== undefined ? [{ field: error.field, message: error.message }] : []);
  }
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Handlers throw this for expected failures (not found, unauthorized) to choose the code. */
export class ApiFailure extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly problems: FieldProblem[] | undefined;
  constructor(code: ErrorCode, message: string, field?: string, problems?: FieldProblem[]) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.field = field;
    this.problems = problems;
  }

  /** One failure listing every problem: the message joins them, `field` is the first. */
  static fields(code: ErrorCode, problems: FieldProblem[]): ApiFailure {
    const first = problems[0];
    return new ApiFailure(code, problems.map((p) => `${p.field}: ${p.message}`).join('; '), first?.field, problems.length > 1 ? problems : undefined);
  }
}
