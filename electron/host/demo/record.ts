import type { Customer, FollowUpTask, HistoryEvent } from '../../../shared/domain';
import type { NewPhone } from '../db';

/** One demo customer with everything that belongs to them: the unit the seeder writes. */
export interface DemoRecord {
  customer: Customer;
  phones: NewPhone[];
  /** Oldest first. */
  events: HistoryEvent[];
  tasks: FollowUpTask[];
}
