import { toMillis } from './instant';
import type { Db } from './open';

/** A number this console was told never to call (migration 009), beside the managed list. */
export interface DncEntry {
  e164: string;
  customerId: string | null;
  source: 'wrap_up' | 'agent';
  taskId: string | null;
  agent: string | null;
  addedAt: string;
}

export interface DncReader {
  /** Every locally added number (a short list: one per "do not call" wrap-up). */
  numbers(): string[];
  /** Whether this customer asked here not to be called (survives a pull of an older server copy). */
  customerListed(customerId: string): boolean;
}

export interface DncWriter {
  /** Adds the number (again: keeps the first entry) and sets the customer's own flag. Call inside the wrap-up's transaction. */
  add(entry: DncEntry): void;
  /** Sets the customer's own flag only (a customer without a number to list). */
  flagCustomer(customerId: string): void;
}

export function dncStore(db: Db): DncReader & DncWriter {
  const all = db.prepare<[], { e164: string }>('SELECT e164 FROM dnc_numbers');
  const byCustomer = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM dnc_numbers WHERE customer_id = ? LIMIT 1');
  const insert = db.prepare<{ e164: string; customerId: string | null; source: string; taskId: string | null; agent: string | null; addedAt: number }>(
    `INSERT INTO dnc_numbers (e164, customer_id, source, task_id, agent, added_at) VALUES (@e164, @customerId, @source, @taskId, @agent, @addedAt)
     ON CONFLICT (e164) DO NOTHING`,
  );
  const flag = db.prepare<[string]>('UPDATE customers SET do_not_call = 1 WHERE id = ?');
  return {
    numbers: () => all.all().map((r) => r.e164),
    customerListed: (customerId) => byCustomer.get(customerId) !== undefined,
    add(entry) {
      insert.run({ ...entry, addedAt: toMillis(entry.addedAt) });
      if (entry.customerId !== null) flag.run(entry.customerId);
    },
    flagCustomer: (customerId) => void flag.run(customerId),
  };
}
