import { z } from 'zod';

/** Identifiers are opaque strings everywhere: stable across consoles and the server. */
export const CustomerId = z.string().min(1).max(64);
export const EventId = z.string().min(1).max(64);
export const TaskId = z.string().min(1).max(64);

/** ISO-8601 instant in UTC, e.g. 2026-11-25T08:00:00.000Z. */
export const Instant = z.iso.datetime({ offset: true });

/** E.164 phone number: + and up to 15 digits. */
export const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +8613800138000');
