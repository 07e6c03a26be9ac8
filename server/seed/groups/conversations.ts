// Seed data of this group: what every new account gets, and the demo account's content.
// Calls and conversations have no per-account reference data (the emotions calls carry are global, migration 2).
import { formatTimestamp } from '../../present/dates.js';
import { createCall } from '../../store/calls.js';
import { listContactFieldTypes } from '../../store/contactFieldTypes.js';
import { addMessage, createConversation } from '../../store/conversations.js';
import { stmt, type Db } from '../../store/db.js';
import type { Rng } from '../random.js';
import type { DemoAccount } from './types.js';

/** Reference rows every new account gets (called inside the account's creation transaction). */
export function seedConversationsAccountData(_db: Db, _accountId: number, _now: string): void {}

const DAY_MS = 24 * 60 * 60 * 1000;

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

interface Script {
  /** Channel names, first one the account has wins. */
  channels: readonly string[];
  /** [written by me, text]. */
  lines: ReadonlyArray<readonly [boolean, string]>;
}

const SCRIPTS: readonly Script[] = [
  {
    channels: ['Whatsapp', 'Phone'],
    lines: [
      [true, 'Are we still on for Saturday?'],
      [false, 'Yes! 10am at the market?'],
      [true, 'Perfect, I\'ll bring the coffee.'],
    ],
  },
  {
    channels: ['Email'],
    lines: [
      [false, 'Here are the photos from the trip, finally sorted.'],
      [true, 'These are wonderful, thank you! The one at the lighthouse is my favourite.'],
    ],
  },
  {
    channels: ['Telegram', 'Whatsapp'],
    lines: [
      [false, 'Did you see the match last night?'],
      [true, 'Only the second half. What a finish!'],
      [false, 'Pub next time?'],
      [true, 'Absolutely.'],
    ],
  },
  {
    channels: ['Phone'],
    lines: [
      [true, 'Happy birthday! Hope you have a lovely day.'],
      [false, 'Thank you so much, it means a lot.'],
    ],
  },
  {
    channels: ['LinkedIn', 'Email'],
    lines: [
      [false, 'Would you be open to a quick chat about the opening on my team?'],
      [true, 'Happy to. Does Thursday afternoon work?'],
      [false, 'Thursday at 3 it is.'],
    ],
  },
  {
    channels: ['Facebook', 'Whatsapp'],
    lines: [
      [false, 'Long time no see! We\'re organising a reunion in June.'],
      [true, 'Count me in. Who else is coming?'],
      [false, 'Most of the old crowd, I\'ll send a list.'],
      [true, 'Great, can\'t wait.'],
      [false, 'Bring the old photo albums!'],
    ],
  },
  {
    channels: ['Whatsapp', 'Phone'],
    lines: [
      [true, 'Can I borrow your ladder this weekend?'],
      [false, 'Sure, it\'s in the garage. Just come by.'],
    ],
  },
  {
    channels: ['Twitter', 'Email'],
    lines: [
      [false, 'Loved your thread about sourdough.'],
      [true, 'Thanks! The starter is finally behaving.'],
    ],
  },
];

interface DemoContact {
  id: number;
  first: string;
  createdMs: number;
}

/** The living, active demo contacts (nobody phones the deceased), oldest first. */
function demoContacts(db: Db, demo: DemoAccount): DemoContact[] {
  const rows = stmt<{ id: number; first_name: string; nickname: string | null; created_at: string | null }>(
    db,
    `SELECT id, first_name, nickname, created_at FROM contacts
      WHERE account_id = ? AND id IN (SELECT value FROM json_each(?)) AND is_dead = 0 AND is_active = 1
      ORDER BY id`,
  ).all(demo.accountId, JSON.stringify(demo.contactIds));
  return rows.map((r) => ({
    id: r.id,
    first: r.nickname ?? r.first_name,
    createdMs: r.created_at ? Date.parse(r.created_at) : demo.nowMs - 365 * DAY_MS,
  }));
}

/** A moment between the contact's creation and now, and the day it falls on. */
function momentAfter(rng: Rng, fromMs: number, nowMs: number): { ms: number; day: string } {
  const start = Math.min(fromMs + DAY_MS, nowMs - DAY_MS);
  const ms = start + Math.floor(rng.next() * Math.max(DAY_MS, nowMs - start - DAY_MS));
  return { ms, day: new Date(ms).toISOString().slice(0, 10) };
}

function pickEmotions(rng: Rng, content: string | null): number[] {
  if (!rng.chance(0.6)) return [];
  const pool = content && /worried|surgery|health/.test(content) ? HEAVY_EMOTIONS : HAPPY_EMOTIONS;
  const count = rng.int(1, 2);
  const out = new Set<number>();
  for (let i = 0; i < count; i += 1) out.add(rng.pick(pool));
  return [...out];
}

function seedCalls(db: Db, demo: DemoAccount, contacts: readonly DemoContact[]): void {
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

function seedConversations(db: Db, demo: DemoAccount, contacts: readonly DemoContact[]): void {
  const { rng, nowMs, accountId } = demo;
  const channels = new Map(listContactFieldTypes(db, accountId).map((t) => [t.name, t.id]));
  if (channels.size === 0) return;
  const fallback = [...channels.values()][0]!;
  for (let i = 0; i < 16 && contacts.length > 0; i += 1) {
    const contact = contacts[(i * 5) % contacts.length]!;
    const script = SCRIPTS[i % SCRIPTS.length]!;
    const channel = script.channels.map((name) => channels.get(name)).find((id) => id !== undefined) ?? fallback;
    const { ms, day } = momentAfter(rng, contact.createdMs, nowMs);
    const loggedMs = Math.min(nowMs, ms + rng.int(1, 6) * 3600 * 1000);
    const conversation = createConversation(
      db,
      accountId,
      contact.id,
      { happened_at: day, contact_field_type_id: channel },
      formatTimestamp(new Date(loggedMs)),
    );
    if (!conversation) continue;
    // Most messages the same day, a late reply now and then the day after.
    let writtenMs = ms;
    script.lines.forEach(([byMe, text], index) => {
      if (index > 0 && rng.chance(0.2)) writtenMs = Math.min(nowMs, writtenMs + DAY_MS);
      addMessage(
        db,
        accountId,
        conversation.id,
        { written_at: new Date(writtenMs).toISOString().slice(0, 10), written_by_me: byMe, content: text },
        formatTimestamp(new Date(Math.min(nowMs, loggedMs + index * 60_000))),
      );
    });
  }
}

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addConversationsDemo(db: Db, demo: DemoAccount): void {
  const contacts = demoContacts(db, demo);
  seedCalls(db, demo, contacts);
  seedConversations(db, demo, contacts);
}
