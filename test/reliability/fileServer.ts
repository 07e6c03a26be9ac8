// A reference server on a database file in a temporary directory, with a read-only second connection to that
// file, so a test can see every row the server holds and prove that a refused request wrote nothing.
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../../server/start.js';

export interface FileServer {
  running: RunningServer;
  url: string;
  port: number;
  tokens: { demo: string; other: string };
  dir: string;
  databasePath: string;
  filesDir: string;
  /** A read-only connection to the server's database. */
  db: Database.Database;
  /** Every row of every table, as one string: equal snapshots mean nothing was written. */
  snapshot(): string;
  /**
   * SQLite's `data_version`, which changes whenever the server commits a write (any write, even of equal
   * values): a cheap way to prove that a request wrote nothing.
   */
  writeCounter(): number;
  /** The names of the stored upload files. */
  storedFiles(): string[];
  close(): Promise<void>;
}

export async function startFileServer(options: StartOptions = {}): Promise<FileServer> {
  const dir = mkdtempSync(join(tmpdir(), 'monica-reliability-'));
  const databasePath = join(dir, 'monica.sqlite');
  const filesDir = join(dir, 'files');
  const running = await startServer({ port: 0, demoData: false, rateLimit: 1_000_000, log: () => {}, ...options, databasePath, filesDir });
  const db = new Database(databasePath, { readonly: true });
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
    (t) => t.name,
  );
  return {
    running,
    url: running.url,
    port: running.port,
    tokens: { demo: running.tokens.demo, other: running.tokens.other! },
    dir,
    databasePath,
    filesDir,
    db,
    snapshot() {
      const all: Record<string, string[]> = {};
      for (const table of tables) {
        all[table] = db
          .prepare(`SELECT * FROM "${table}"`)
          .all()
          .map((row) => JSON.stringify(row))
          .sort();
      }
      return JSON.stringify(all);
    },
    writeCounter: () => db.pragma('data_version', { simple: true }) as number,
    storedFiles: () => readdirSync(filesDir).sort(),
    async close() {
      db.close();
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
