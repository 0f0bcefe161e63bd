import { HostError, type ErrorCode } from '../../shared/api/envelope';

/** What a store keeps about a failed call: plain data, so the UI can pick words and a retry. */
export interface Problem {
  code: ErrorCode;
  message: string;
}

export function toProblem(error: unknown): Problem {
  if (error instanceof HostError) return { code: error.code, message: error.message };
  // A transport that throws instead of answering (socket closed, bridge missing) is an unreachable host.
  if (error instanceof TypeError) return { code: 'unavailable', message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}
