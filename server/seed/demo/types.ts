// What every resource's demo seeding receives.
import type { Actor } from '../../store/auditLogs.js';
import type { Rng } from '../random.js';

export interface DemoAccount {
  accountId: number;
  actor: Actor;
  /** The demo account's real contacts. */
  contactIds: number[];
  /** Its partial contacts (partners and children of real ones). */
  partialContactIds: number[];
  /** The time the demo is seeded at, in milliseconds; spread created_at over the two years before it. */
  nowMs: number;
  /** Where uploaded files live, for demo photos and documents. */
  filesDir: string;
  /** Deterministic randomness: the demo is the same on every start. */
  rng: Rng;
}
