// Demo conversations: 16 short exchanges of messages, each on a channel the account has.
import { formatTimestamp } from '../../present/dates.js';
import { listContactFieldTypes } from '../../store/contactFieldTypes.js';
import { addMessage, createConversation } from '../../store/conversations.js';
import type { Db } from '../../store/db.js';
import { DAY_MS, demoContacts, momentAfter } from './shared.js';
import type { DemoAccount } from './types.js';

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

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addConversationsDemo(db: Db, demo: DemoAccount): void {
  const contacts = demoContacts(db, demo);
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
