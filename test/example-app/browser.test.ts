// The example app (examples/contacts-app), built with Vite's JS API and opened in headless Chromium (Debian's
// package, driven by playwright-core like test/docs-browser.test.ts):
// - against the reference server, each test with an account of its own: search a demo contact, open it, add a
//   note, edit it and delete it, each step checked through the API; two tests running at once never see each
//   other's notes;
// - built in mock mode, with MSW's service worker answering: the documented example contacts, and no request
//   reaching any server.
// Screenshots go to test-results/example-app-*.png.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNote, listContactNotes, listContacts } from 'monica-api-contract';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../scripts/setup/chromium.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { clientFor } from '../helpers/client.js';
import { documentedContactNames } from './contract.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = path.join(root, 'examples/contacts-app/vite.config.ts');
const SCREENSHOTS = path.join(root, 'test-results');
const work = mkdtempSync(path.join(tmpdir(), 'contacts-app-'));

/** The app built in a mode, served by Vite's preview server, which notes every path asked of it. */
interface ServedApp {
  url: string;
  asked: string[];
  server: PreviewServer;
}

async function buildAndServe(mode: 'production' | 'mock'): Promise<ServedApp> {
  const outDir = path.join(work, mode);
  await build({ configFile: CONFIG, mode, logLevel: 'error', cacheDir: path.join(work, 'vite-cache'), build: { outDir, emptyOutDir: true } });
  const asked: string[] = [];
  const server = await preview({
    configFile: CONFIG,
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
    plugins: [{ name: 'note-requests', configurePreviewServer: (s) => void s.middlewares.use((req, _res, next) => (asked.push(req.url ?? ''), next())) }],
  });
  return { url: server.resolvedUrls!.local[0]!, asked, server };
}

let browser: Browser;
/** The app as built for a server, and as built in mock mode. */
let app: ServedApp;
let mocked: ServedApp;

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`Chromium is not installed, and this test needs it. ${INSTALL_HINT}`);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
  mkdirSync(SCREENSHOTS, { recursive: true });
  [app, mocked] = await Promise.all([buildAndServe('production'), buildAndServe('mock')]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([app, mocked].map((served) => served?.server.close()));
  rmSync(work, { recursive: true, force: true });
});

/** A page in a context of its own, noting what goes wrong in it. */
async function openPage(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A query whose component went away is cancelled (TanStack Query hands the SDK an AbortSignal).
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { context, page, problems };
}

async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(SCREENSHOTS, `example-app-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(statSync(file).size, file).toBeGreaterThan(8_000);
}

interface Account {
  /** The API base URL, ending in /api. */
  url: string;
  token: string;
}

// PLACEHOLDER until the control API's startMockServer is merged: a reference server of its own for each
// test's account (demo data, in memory).
const servers: RunningServer[] = [];
afterAll(() => Promise.all(servers.map((server) => server.close())));
async function newAccount(): Promise<Account> {
  const server = await startServer({ port: 0, databasePath: ':memory:', demoData: true, log: () => {} });
  servers.push(server);
  return { url: server.url, token: server.tokens.demo };
}

/** Resolves once every party has arrived; fails a party that waits longer than `ms`. */
function meetingPoint(parties: number, ms: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const everyone = new Promise<void>((resolve) => (open = resolve));
  return async () => {
    if (++arrived === parties) open();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the other test never got there')), ms)));
    await Promise.race([everyone, late]).finally(() => clearTimeout(timer));
  };
}

describe('the example app in Chromium against the reference server, an account per test', () => {
  // Both tests add a note to the same demo contact of their own account, wait for each other, then look.
  const bothAdded = meetingPoint(2, 60_000);
  const noteOf = (who: string) => `${who}: met at the climbing gym, owes me a coffee`;

  it.concurrent.each(['first', 'second'])('searches, opens a contact, adds, edits and deletes a note (%s account)', async (who) => {
    const other = who === 'first' ? 'second' : 'first';
    const account = await newAccount();
    const api = clientFor(account.url, account.token);
    const { context, page, problems } = await openPage();
    try {
      // A demo contact with notes, its last name to search with, and what the API finds with it.
      const all = (await listContacts({ client: api, throwOnError: true })).data;
      const contact = all.data.find((c) => !c.is_me && c.statistics.number_of_notes > 0 && c.information.career.job)!;
      const term = contact.last_name!;
      const found = (await listContacts({ client: api, query: { query: term }, throwOnError: true })).data;
      expect(found.meta.total).toBeLessThan(all.meta.total);

      await page.goto(app.url);
      await page.getByLabel('API base URL').fill(account.url);
      await page.getByLabel('Token').fill(account.token);
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.getByText(`${all.meta.total} contacts`).waitFor();
      if (who === 'first') await screenshot(page, 'list');

      await page.getByRole('searchbox', { name: 'Search contacts' }).fill(term);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText(`${found.meta.total} contact${found.meta.total === 1 ? '' : 's'}`).waitFor();
      expect(await page.locator('.contacts li').allTextContents()).toEqual(found.data.map((c) => expect.stringContaining(c.complete_name)));
      await page.getByRole('button', { name: contact.complete_name }).click();
      await page.getByRole('heading', { name: contact.complete_name }).waitFor();
      const notes = page.getByRole('region', { name: 'Notes' });
      const notesOfContact = async () => (await listContactNotes({ client: api, path: { id: contact.id }, query: { limit: 100 }, throwOnError: true })).data.data;
      const before = await notesOfContact();

      // Add.
      const text = noteOf(who);
      await notes.getByLabel('New note').fill(text);
      await notes.getByRole('button', { name: 'Add note' }).click();
      const item = notes.getByRole('listitem').filter({ hasText: text });
      await item.waitFor();
      const added = (await notesOfContact()).filter((note) => !before.some((b) => b.id === note.id));
      expect(added.map((note) => note.body)).toEqual([text]);
      const noteId = added[0]!.id;
      if (who === 'first') await screenshot(page, 'contact');

      // The other test's account has its note on the same contact by now: nothing of it shows here.
      await bothAdded();
      await page.getByRole('button', { name: '← All contacts' }).click();
      await page.getByRole('button', { name: contact.complete_name }).click();
      await item.waitFor();
      expect(await notes.textContent()).not.toContain(noteOf(other));
      expect((await notesOfContact()).map((note) => note.body)).not.toContain(noteOf(other));

      // Edit.
      const edited = `${text} (paid back)`;
      await item.getByRole('button', { name: 'Edit' }).click();
      await notes.getByLabel('Edit note').fill(edited);
      await notes.getByRole('button', { name: 'Save' }).click();
      await notes.getByRole('listitem').filter({ hasText: edited }).waitFor();
      expect((await getNote({ client: api, path: { id: noteId }, throwOnError: true })).data.data.body).toBe(edited);

      // Delete.
      await notes.getByRole('listitem').filter({ hasText: edited }).getByRole('button', { name: 'Delete' }).click();
      await notes.getByRole('listitem').filter({ hasText: edited }).waitFor({ state: 'detached' });
      expect((await getNote({ client: api, path: { id: noteId } })).response.status).toBe(404);
      expect((await notesOfContact()).map((note) => note.id)).toEqual(before.map((note) => note.id));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('the example app in Chromium in mock mode, MSW\'s service worker answering', () => {
  it('lists the documented example contacts, and no request reaches a server', async () => {
    const { context, page, problems } = await openPage();
    try {
      const apiResponses: { url: string; fromWorker: boolean }[] = [];
      page.on('response', (response) => {
        if (new URL(response.url()).pathname.startsWith('/api/')) apiResponses.push({ url: response.url(), fromWorker: response.fromServiceWorker() });
      });
      await page.goto(mocked.url);
      for (const name of documentedContactNames()) await page.getByRole('button', { name }).waitFor();
      await screenshot(page, 'msw');
      expect(apiResponses.length).toBeGreaterThan(0);
      expect(apiResponses.filter((r) => !r.fromWorker)).toEqual([]);
      expect(mocked.asked.filter((asked) => asked.startsWith('/api'))).toEqual([]);
      expect(mocked.asked).toContain('/mockServiceWorker.js');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
