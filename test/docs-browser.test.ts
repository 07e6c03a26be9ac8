// The built reference docs, as the reference server serves them at /docs, opened in headless Chromium (Debian's
// package, driven by playwright-core): Redoc renders a heading for every operation of the spec, nothing goes
// wrong in the page, and a screenshot is saved in test-results/ for people to look at.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../scripts/setup/chromium.js';
import { setupChromium } from '../scripts/setup/install-chromium.js';
import { startServer, type RunningServer } from '../server/start.js';
import { METHODS, operationCount, spec } from './helpers/mockCalls.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const SCREENSHOTS = path.join(root, 'test-results');

/** Every operation's summary, as Redoc shows it in the operation's heading. */
function operationSummaries(): string[] {
  return Object.values<any>(spec.paths).flatMap((item) =>
    Object.entries<any>(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([, op]) => String(op.summary).trim()),
  );
}

describe('the reference docs in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let docsUrl: string;
  const problems: string[] = [];

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(`Chromium is not installed, and this test needs it. ${INSTALL_HINT}`);
    server = await startServer({ port: 0, databasePath: ':memory:', demoData: false, log: () => {} });
    // Playwright gives the browser a fresh temporary profile of its own.
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`));
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    docsUrl = `${new URL(server.url).origin}/docs`;
    const response = await page.goto(docsUrl, { waitUntil: 'load', timeout: 60_000 });
    expect(response?.status()).toBe(200);
    // Redoc has rendered once its navigation is in the page.
    await page.waitForSelector('[data-component-name="Menu/MenuItem"]', { timeout: 60_000 });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'docs.png') });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the introduction and the navigation groups', async () => {
    const sections = await page.$$eval('h2', (nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
    for (const title of ['Base URL and authentication', 'Pagination', 'Sorting', 'Rate limits', 'Errors']) {
      expect(sections, title).toContain(title);
    }
    const menu = await page.$$eval('[data-component-name="Menu/MenuItem"]', (nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
    const groups: string[] = spec['x-tagGroups'].map((g: { name: string }) => g.name);
    expect(groups.filter((group) => !menu.includes(group))).toEqual([]);
  });

  it('lists every operation in the navigation and renders its heading when opened', async () => {
    // Redoc lists a tag's operations once the tag is opened in the navigation, and renders an operation's
    // section when it is navigated to.
    const tagLinks = await page.$$eval('[data-component-name="Menu/MenuItem"].menu-item-type-group > a', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(tagLinks.length).toBe(spec.tags.length);
    const found = new Map<string, string>();
    for (const href of tagLinks) {
      await page.locator(`[data-component-name="Menu/MenuItem"] > a[href="${href}"]`).click();
      const links = await page.$$eval('[data-component-name="Menu/MenuItem"] a[href^="#/"]', (nodes) =>
        nodes.map((a) => [a.getAttribute('href') ?? '', a.querySelector('[data-text]')?.getAttribute('data-text') ?? ''] as const),
      );
      for (const [link, label] of links) found.set(link, label);
    }
    const operationLinks = [...found].map(([href, label]) => ({ href, label }));
    const summaries = operationSummaries();
    expect(summaries.length).toBe(operationCount());
    // An operation with two tags (its resource's and "Other undocumented operations") is listed under both.
    expect(new Set(operationLinks.map((link) => link.label)).size).toBe(summaries.length);
    expect(summaries.filter((summary) => !operationLinks.some((link) => link.label === summary))).toEqual([]);

    const missing: string[] = [];
    for (const link of operationLinks) {
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, link.href);
      // The heading is the summary, followed by a badge for deprecated operations.
      const heading = page.locator('h2').filter({ hasText: new RegExp(`^${link.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( deprecated)?$`, 'i') });
      try {
        await heading.first().waitFor({ state: 'visible', timeout: 15_000 });
      } catch {
        missing.push(`${link.href}: no heading "${link.label}"`);
      }
    }
    expect(missing).toEqual([]);
  }, 300_000);

  it('saves a screenshot of an operation', async () => {
    await page.goto(`${docsUrl}#/contacts/createcontact`);
    await page.locator('h2', { hasText: 'Create a contact' }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // The right panel is drawn after the heading: its curl sample (from x-codeSamples) says the page is complete.
    await page.getByText("curl -X POST 'https://app.monicahq.com/api/contacts'").first().waitFor({ state: 'visible', timeout: 30_000 });
    const operation = path.join(SCREENSHOTS, 'docs-operation.png');
    await page.screenshot({ path: operation });
    expect(statSync(path.join(SCREENSHOTS, 'docs.png')).size).toBeGreaterThan(10_000);
    expect(statSync(operation).size).toBeGreaterThan(10_000);
  }, 60_000);

  it('logs no console error, page error or failed request', () => {
    expect(problems).toEqual([]);
  });
});

describe('the Chromium setup run by npm install', () => {
  const lines: string[] = [];
  const deps = (env: NodeJS.ProcessEnv, isRoot = true) => ({
    env: { PATH: process.env['PATH'], ...env },
    dryRun: true,
    isRoot,
    run: () => {
      throw new Error('a dry run runs nothing');
    },
    say: (line: string) => lines.push(line),
  });

  it('does nothing when Chromium is there', () => {
    lines.length = 0;
    const present = findChromium();
    expect(present, INSTALL_HINT).toBeDefined();
    expect(setupChromium(deps({ CHROMIUM_PATH: present }))).toBe('present');
    expect(lines).toEqual([`Chromium found: ${present}`]);
  });

  it('plans the apt-get install when Chromium is missing and it runs as root with apt-get', () => {
    lines.length = 0;
    const outcome = setupChromium(deps({ CHROMIUM_PATH: '/nonexistent/chromium' }));
    // Whether this machine can install is read from the machine, never from what the setup printed.
    const aptGet = (process.env['PATH'] ?? '').split(path.delimiter).some((dir) => dir !== '' && existsSync(path.join(dir, 'apt-get')));
    if (process.platform === 'linux' && aptGet) {
      expect(outcome).toBe('planned');
      expect(lines.at(-1)).toMatch(/would run: \S*apt-get install -y --no-install-recommends chromium$/);
    } else {
      expect(outcome).toBe('warned');
      expect(lines.join('\n')).toMatch(/no apt-get here|platform/);
    }
  });

  it('only warns, with the way to install it, when not root', () => {
    lines.length = 0;
    expect(setupChromium(deps({ CHROMIUM_PATH: '/nonexistent/chromium' }, false))).toBe('warned');
    expect(lines.join('\n')).toContain('apt-get install --no-install-recommends chromium');
  });

  it('does nothing on the machine of a project that installs this package as a dependency', () => {
    lines.length = 0;
    expect(setupChromium({ ...deps({ CHROMIUM_PATH: '/nonexistent/chromium' }), asDependency: true })).toBe('skipped');
    expect(lines).toEqual(['Chromium setup skipped (installed as a dependency).']);
  });

  it('can be skipped', () => {
    lines.length = 0;
    expect(setupChromium(deps({ SKIP_CHROMIUM_INSTALL: 'true', CHROMIUM_PATH: '/nonexistent/chromium' }))).toBe('skipped');
  });
});
