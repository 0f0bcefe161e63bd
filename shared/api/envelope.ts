import { z } from 'zod';

/** Every reply crossing a transport has this shape, so a failure is data, never a thrown string. */
export const ErrorCode = z.enum(['bad_request', 'unknown_method', 'not_found', 'unauthorized', 'internal', 'unavailable']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Dotted path of the offending input field, e.g. "limit" or "before.occurredAt". */
  field: z.string().optional(),
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
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'HostError';
    this.code = error.code;
    this.field = error.field;
  }
}

/** Handlers throw this for expected failures (not found, unauthorized) to choose the code. */
export class ApiFailure extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.field = field;
  }
}
