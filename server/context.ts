// What every handler receives besides the request: who is calling, the database, the time, the public URL.
import type { Db } from './store/db.js';

export interface Caller {
  accountId: number;
  userId: number;
  userName: string;
}

export interface Context {
  db: Db;
  caller: Caller;
  /** The current time; tests replace it to make timestamps predictable. */
  now: () => Date;
  /** The API's public base URL, e.g. `http://localhost:8080/api`, for `url` fields and page links. */
  baseUrl: string;
  /** Where uploaded files (documents, photos) are stored. */
  filesDir: string;
  /** Whether `GET /statistics` answers without a token (Monica's `allow_statistics_through_public_api_access`); default true. */
  publicStatistics?: boolean;
}
