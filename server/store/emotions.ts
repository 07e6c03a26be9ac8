// Emotions: global reference rows that activities and calls point to.
import { stmt, type Db } from './db.js';

export interface EmotionRow {
  id: number;
  name: string;
}

/** The emotions with these ids; an id that does not exist is simply absent from the map. */
export function getEmotionsByIds(db: Db, ids: Iterable<number>): Map<number, EmotionRow> {
  const list = JSON.stringify([...new Set(ids)]);
  const rows = stmt<EmotionRow>(db, 'SELECT id, name FROM emotions WHERE id IN (SELECT value FROM json_each(?))').all(list);
  return new Map(rows.map((r) => [r.id, r]));
}
