// Demo journal entries, spread over the last year.
import type { Db } from '../../store/db.js';
import { createJournalEntry } from '../../store/journalEntries.js';
import { between, DAY_MS, demoContactRows } from './shared.js';
import type { DemoAccount } from './types.js';

const JOURNAL: readonly [string, string][] = [
  ['A quiet Sunday', 'Slept in, read on the balcony, and finally called grandma. She sounded happy and told me the story of the navy again.'],
  ['Half marathon training, week 3', 'Ran 14 km along the river with Samuel. Legs are sore but the pace is getting better.'],
  ['Dinner at Lucas\'s restaurant', 'The tasting menu was incredible. He came out of the kitchen to say hello and we talked until closing time.'],
  ['Moving day', 'Helped Priya carry boxes up four floors. Pizza on the floor of the empty living room was the best part.'],
  ['Book club: a lively evening', 'Nobody agreed about the ending. Aisha made the best argument; Hannah brought her famous lemon cake.'],
  ['Back from Lisbon', 'Trams, custard tarts and long walks. I want to go back in spring with Isabella and Gabriel.'],
  ['A hard week', 'Work was a lot. Writing it down helps: next week I will keep the evenings free and see friends.'],
  ['First snow', 'The city was silent this morning. Built a tiny snowman on the windowsill.'],
];

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addJournalEntriesDemo(db: Db, demo: DemoAccount): void {
  const { accountId, rng, nowMs } = demo;
  if (demoContactRows(db, demo).length === 0) return;

  // Journal entries, spread over the last year, oldest first.
  const stamps = JOURNAL.map(() => between(demo, nowMs - 365 * DAY_MS, nowMs)).sort((a, b) => a.ms - b.ms);
  JOURNAL.forEach(([title, post], i) => {
    createJournalEntry(db, accountId, { title, post }, stamps[i]!.stamp, rng.uuid());
  });
}
