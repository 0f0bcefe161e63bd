import type { z } from 'zod';
import { api, type Handlers, type Method } from './contract';
import { ApiFailure, type ApiError, type Envelope } from './envelope';

/** Turns a zod failure into one sentence that names the field, e.g. `limit: Too big: expected number to be <=500`. */
export function describeZodError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const message = issue ? `${field ?? 'input'}: ${issue.message}` : 'invalid input';
  return { code: 'bad_request', message, ...(field !== undefined ? { field } : {}) };
}

function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}

export interface DispatchOptions {
  /** Validate handler output too: on in tests and dev, where a wrong shape is a bug to catch early. */
  checkOutput?: boolean;
  onInternalError?: (method: string, error: unknown) => void;
}

/**
 * The single entry for every transport: look up, validate, call, wrap.
 * A bad payload never reaches a handler, so it cannot change anything.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `unknown method: ${String(method).slice(0, 80)}` } };
  }
  const spec = api[method];
  const parsed = spec.input.safeParse(payload ?? {});
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    if (options.checkOutput) {
      const out = spec.output.safeParse(value);
      if (!out.success) {
        const detail = describeZodError(out.error);
        throw new Error(`handler ${method} returned a bad shape: ${detail.message}`);
      }
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiFailure) {
      return {
        ok: false,
        error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...(error.problems ? { problems: error.problems } : {}) },
      };
    }
    options.onInternalError?.(method, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${message}` } };
  }
}
