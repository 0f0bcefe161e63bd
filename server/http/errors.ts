import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { describeZodError } from '../../shared/api';
import type { ServerErrorBody, ServerErrorCode } from '../../shared/sync';
import { StoreError } from '../store/errors';

/** Every failure leaves the server as `{error: {code, message, field?}}` with a matching status. */
export class HttpError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const STATUS: Record<ServerErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export function parseOr400<S extends z.ZodType>(schema: S, data: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const { message, field } = describeZodError(result.error);
  const full = field !== undefined && prefix ? `${prefix}.${field}` : (field ?? (prefix || undefined));
  throw new HttpError('bad_request', prefix ? `${prefix}.${message}` : message, full);
}

const body = (code: ServerErrorCode, message: string, field?: string): ServerErrorBody => ({
  error: { code, message, ...(field !== undefined ? { field } : {}) },
});

function fromFastify(error: FastifyError): { code: ServerErrorCode; message: string } {
  if (error.statusCode === 413) return { code: 'payload_too_large', message: error.message };
  if (error.statusCode === 415 || error.statusCode === 400) return { code: 'bad_request', message: error.message };
  if (error.statusCode === 404) return { code: 'not_found', message: error.message };
  return { code: 'internal', message: 'internal error' };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError || error instanceof StoreError) {
      const headers = error instanceof HttpError ? error.headers : {};
      return reply.status(STATUS[error.code]).headers(headers).send(body(error.code, error.message, error.field));
    }
    const { code, message } = fromFastify(error as FastifyError);
    if (code === 'internal') request.log.error(error);
    return reply.status(STATUS[code]).send(body(code, message));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(body('not_found', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`)));
}
