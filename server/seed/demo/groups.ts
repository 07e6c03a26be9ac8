// Demo groups of contacts, from a wedding guest list to an empty one.
import { formatTimestamp } from '../../present/dates.js';
import type { Db } from '../../store/db.js';
import { attachContacts, createGroup } from '../../store/groups.js';
import { DAY_MS } from './shared.js';
import type { DemoAccount } from './types.js';

/** The demo's groups: a name, how many contacts, and how many days ago it was made. */
const DEMO_GROUPS: ReadonlyArray<{ name: string; size: number; daysAgo: number }> = [
  { name: 'Wedding guests', size: 14, daysAgo: 610 },
  { name: 'Secret Santa', size: 6, daysAgo: 420 },
  { name: 'Weekend hikers', size: 4, daysAgo: 300 },
  { name: 'Game night', size: 5, daysAgo: 150 },
  { name: 'Emergency contacts', size: 2, daysAgo: 90 },
  { name: 'Housewarming party', size: 0, daysAgo: 12 },
];

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addGroupsDemo(db: Db, demo: DemoAccount): void {
  const { accountId, rng, nowMs } = demo;
  for (const spec of DEMO_GROUPS) {
    const createdMs = nowMs - spec.daysAgo * DAY_MS - rng.int(0, 8 * 3600) * 1000;
    const group = createGroup(db, accountId, { name: spec.name }, formatTimestamp(new Date(createdMs)));
    const pool = [...demo.contactIds];
    const members: number[] = [];
    while (members.length < Math.min(spec.size, pool.length)) {
      const [picked] = pool.splice(rng.int(0, pool.length - 1), 1);
      members.push(picked!);
    }
    if (members.length > 0) {
      const attachedMs = Math.min(nowMs, createdMs + rng.int(1, 3 * 24 * 3600) * 1000);
      attachContacts(db, accountId, group.id, members, formatTimestamp(new Date(attachedMs)));
    }
  }
}
