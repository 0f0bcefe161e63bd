import type { ServerErrorCode } from '../../shared/sync';

/** An expected failure with the code the HTTP layer answers with; anything else is a 500. */
export class StoreError extends Error {
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
