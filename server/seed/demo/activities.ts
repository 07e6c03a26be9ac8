// Demo activities: about 45 over the last two years, with their attendees and emotions.
import { formatTimestamp } from '../../present/dates.js';
import { createActivity } from '../../store/activities.js';
import { stmt, type Db } from '../../store/db.js';
import { DAY_MS } from './shared.js';
import type { DemoAccount } from './types.js';

/** Believable activities per built-in type: a summary, and sometimes a description. */
const DEMO_ACTIVITIES: Readonly<Record<string, ReadonlyArray<[summary: string, description: string | null]>>> = {
  just_hung_out: [
    ['Lazy Sunday afternoon in the park', 'Fed the ducks and talked about nothing in particular.'],
    ['Coffee and a long walk by the river', null],
  ],
  watched_movie_at_home: [
    ['Movie night: the whole Lord of the Rings trilogy', 'Extended editions. We did not make it past the second one.'],
    ['Watched the new Miyazaki film', null],
  ],
  talked_at_home: [['Long talk about the job offer', 'Weighing the move to Berlin; will decide by the end of the month.']],
  did_sport_activities_together: [
    ['Saturday morning 10k run', 'New personal best: 52 minutes.'],
    ['Bouldering session at the climbing gym', null],
    ['Tennis doubles', 'Lost 6-4, 6-3. Rematch next week.'],
  ],
  ate_at_his_place: [['Dinner at their new flat', 'Homemade lasagne. Bring dessert next time.']],
  went_bar: [['Drinks at the Crown & Anchor', null], ['Pub quiz night', 'Came second; the music round let us down.']],
  ate_at_home: [['Cooked a Thai curry together', null]],
  picknicked: [['Picnic on the hill', 'Perfect weather, too many sandwiches.']],
  ate_restaurant: [
    ['Birthday dinner at Le Petit Jardin', 'The tasting menu was worth it.'],
    ['Ramen lunch downtown', null],
  ],
  went_theater: [['Saw Hamlet at the Old Vic', null]],
  went_concert: [['Jazz concert in the park', 'Free open-air concert; stayed until the encore.']],
  went_play: [['School play rehearsal', null]],
  went_museum: [['Natural History Museum', 'The new dinosaur wing is wonderful.']],
};

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addActivitiesDemo(db: Db, demo: DemoAccount): void {
  const { accountId, contactIds, rng, nowMs } = demo;
  if (contactIds.length === 0) return;
  const types = stmt<{ id: number; translation_key: string | null }>(
    db,
    'SELECT id, translation_key FROM activity_types WHERE account_id = ? ORDER BY id',
  ).all(accountId);
  const withTemplates = types.filter((t) => t.translation_key !== null && DEMO_ACTIVITIES[t.translation_key]);
  if (withTemplates.length === 0) return;

  // About 45 activities over the last two years, oldest first, a few without a type. None lies in the future,
  // so the attendees' last_activity_together stays in the past.
  const count = 45;
  for (let i = 0; i < count; i += 1) {
    const daysAgo = Math.max(1, Math.floor(((count - i) / count) * 720) - rng.int(0, 10));
    const happenedMs = nowMs - daysAgo * DAY_MS;
    const happenedAt = formatTimestamp(new Date(happenedMs)).slice(0, 10);
    // Recorded a few hours after it happened, never after now.
    const recordedMs = Math.min(nowMs, happenedMs + rng.int(1, 12) * 3600_000);
    const type = rng.pick(withTemplates);
    const [summary, description] = rng.pick(DEMO_ACTIVITIES[type.translation_key!]!);
    const attendees = new Set<number>([rng.pick(contactIds)]);
    if (rng.chance(0.4)) attendees.add(rng.pick(contactIds));
    if (rng.chance(0.15)) attendees.add(rng.pick(contactIds));
    const emotions = rng.chance(0.5) ? [rng.pick([2, 3, 7, 9, 12, 13, 14, 16, 18])] : null;
    createActivity(
      db,
      accountId,
      {
        activity_type_id: rng.chance(0.1) ? null : type.id,
        summary,
        description,
        happened_at: happenedAt,
        contacts: [...attendees],
        emotions,
      },
      formatTimestamp(new Date(recordedMs)),
      rng.uuid(),
    );
  }
}
