import { z } from 'zod';
import { CustomerId, E164, Instant } from './ids';

export const PhoneLabel = z.enum(['mobile', 'home', 'work', 'other']);
export type PhoneLabel = z.infer<typeof PhoneLabel>;

export const PhoneNumber = z.object({
  customerId: CustomerId,
  e164: E164,
  label: PhoneLabel,
  isPrimary: z.boolean(),
});
export type PhoneNumber = z.infer<typeof PhoneNumber>;

export const Customer = z.object({
  id: CustomerId,
  name: z.string().min(1).max(200),
  /** Business segment used by follow-up rules, e.g. "vip", "standard". */
  segment: z.string().max(40).nullable(),
  tags: z.array(z.string().max(40)).max(50),
  /** ISO 3166 region of the customer, used for calling windows. */
  region: z.string().length(2).nullable(),
  /** IANA time zone, e.g. "Asia/Shanghai"; null means: derive it from the number. */
  timeZone: z.string().max(64).nullable(),
  email: z.string().max(200).nullable(),
  company: z.string().max(200).nullable(),
  city: z.string().max(100).nullable(),
  language: z.enum(['zh-CN', 'en']).nullable(),
  /** The customer asked not to be called (shared/followup/dnc): no number of theirs is dialable. Absent = false. */
  doNotCall: z.boolean().optional(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Customer = z.infer<typeof Customer>;

/** What a search result or a screen-pop chooser row shows. */
export const CustomerSummary = z.object({
  id: CustomerId,
  name: z.string(),
  segment: z.string().nullable(),
  city: z.string().nullable(),
  /** The number that matched, or the primary number. */
  phone: E164.nullable(),
});
export type CustomerSummary = z.infer<typeof CustomerSummary>;
