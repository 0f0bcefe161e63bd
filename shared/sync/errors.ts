import { z } from 'zod';

/** Every non-2xx reply of the server has this body, so a console can show the reason and the field. */
export const ServerErrorCode = z.enum([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'internal',
]);
export type ServerErrorCode = z.infer<typeof ServerErrorCode>;
export const ServerErrorBody = z.object({
  error: z.object({ code: ServerErrorCode, message: z.string(), field: z.string().optional() }),
});
export type ServerErrorBody = z.infer<typeof ServerErrorBody>;
