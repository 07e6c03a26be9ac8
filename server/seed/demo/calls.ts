// Demo calls: 48 over the contacts' time, most with a core of people called often, some with emotions.
// The emotions calls carry are global reference rows (migration 2).
import { formatTimestamp } from '../../present/dates.js';
import { createCall } from '../../store/calls.js';
import type { Db } from '../../store/db.js';
import type { Rng } from '../random.js';
import { demoContacts, momentAfter } from './shared.js';
import type { DemoAccount } from './types.js';

const CALL_NOTES: readonly (string | null)[] = [
  'Caught up on the last few weeks. {first} sounds busy but happy.',
  '{first} called to ask for the lasagne recipe.',
  'Long chat about the new job; the first month has been intense.',
  'Planned the weekend hike: meet at the station at 8.',
  '{first} needed advice on buying a used car.',
  'Quick call to say happy birthday.',
  'Talked about the move; boxes everywhere, needs help on Saturday.',
  'We laughed about the disastrous camping trip from years ago.',
  '{first} is worried about their dad\'s health. Call again next week.',
  'Confirmed dinner on Friday at 7.',
  'Gossip about the book club and who actually read the book.',
  'Checked in after the surgery; recovering well.',
  '{first} got engaged! Wedding probably next autumn.',
  'Missed call, then a short chat about the concert tickets.',
  null,
  null,
];

// Emotion ids of migration 2, grouped by the mood of a call.
const HAPPY_EMOTIONS = [2, 3, 9, 12, 13, 14, 16, 17, 18, 20];
const HEAVY_EMOTIONS = [5, 10, 21, 23, 24];

function pickEmotions(rng: Rng, content: string | null): number[] {
  if (!rng.chance(0.6)) return [];
  const pool = content && /worried|surgery|health/.test(content) ? HEAVY_EMOTIONS : HAPPY_EMOTIONS;
  const count = rng.int(1, 2);
  const out = new Set<number>();
  for (let i = 0; i < count; i += 1) out.add(rng.pick(pool));
  return [...out];
}

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addCallsDemo(db: Db, demo: DemoAccount): void {
  const contacts = demoContacts(db, demo);
  const { rng, nowMs, accountId } = demo;
  // A core of people called often, and a few called once or twice.
  const frequent = contacts.slice(0, Math.min(6, contacts.length));
  for (let i = 0; i < 48 && contacts.length > 0; i += 1) {
    const contact = i % 3 === 2 ? rng.pick(contacts) : rng.pick(frequent);
    const { ms, day } = momentAfter(rng, contact.createdMs, nowMs);
    const template = rng.pick(CALL_NOTES);
    const content = template === null ? null : template.replaceAll('{first}', contact.first);
    // Logged the same day, a few hours after the call.
    const loggedAt = formatTimestamp(new Date(Math.min(nowMs, ms + rng.int(1, 10) * 3600 * 1000)));
    createCall(
      db,
      accountId,
      contact.id,
      { called_at: day, content, contact_called: rng.chance(0.45), emotions: pickEmotions(rng, content) },
      loggedAt,
    );
  }
}

