// Demo documents: a recipe, a guest list and an itinerary. Their bytes go to the server's files directory.
import type { Db } from '../../store/db.js';
import { createDocument } from '../../store/documents.js';
import { storeFile } from '../../store/files.js';
import { daysAgoStamp } from './shared.js';
import type { DemoAccount } from './types.js';

const DOCUMENTS: ReadonlyArray<{ name: string; text: string }> = [
  { name: 'recipe-banana-bread.txt', text: 'Banana bread\n\n3 ripe bananas, 75 g melted butter, 150 g sugar, 1 egg, 190 g flour, 1 tsp baking soda.\nBake 60 minutes at 175 °C.\n' },
  { name: 'reunion-guest-list.csv', text: 'name,email,coming\nAmelia,amelia.hartley@example.com,yes\nDaniel,dan.fischer@example.com,maybe\nPriya,priya.raman@example.com,yes\n' },
  { name: 'hiking-itinerary.txt', text: 'Day 1: Keswick to Buttermere (14 km)\nDay 2: Buttermere to Honister (9 km)\nDay 3: back to Keswick via Cat Bells (12 km)\n' },
];

/**
 * Believable demo content for the demo account (called once, on an empty database, after contacts, tags and
 * notes). The files written are added to `written`.
 */
export function addDocumentsDemo(db: Db, demo: DemoAccount, written: string[]): void {
  const { accountId, contactIds, rng, filesDir } = demo;
  const at = (daysAgo: number) => daysAgoStamp(demo, daysAgo, 8 * 3600);

  DOCUMENTS.forEach((d, i) => {
    const bytes = Buffer.from(d.text, 'utf8');
    const extension = d.name.split('.').pop() ?? null;
    const relative = storeFile(filesDir, 'documents', bytes, extension);
    written.push(relative);
    createDocument(
      db,
      accountId,
      {
        contact_id: rng.pick(contactIds),
        original_filename: d.name,
        new_filename: relative,
        filesize: bytes.length,
        type: extension,
        mime_type: extension === 'csv' ? 'text/csv' : 'text/plain',
      },
      at(500 - i * 150),
    );
  });
}
