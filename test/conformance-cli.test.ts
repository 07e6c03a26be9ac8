// The conformance command as a team runs it (bin/monica-contract.mjs conformance): exit status 2 with one line for
// usage and connection problems, 0 for the reference server (restricted by --only), 1 with JUnit and HTML reports
// that name the failure for a server that breaks the contract.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../conformance/contract.js';
import { UsageError } from '../conformance/errors.js';
import { runConformance } from '../conformance/runner.js';
import { startFaultyServer } from './helpers/faultyServer.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = `${root}bin/monica-contract.mjs`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the command in a child process (asynchronously: the servers it talks to live in this process). */
function conformance(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'conformance', ...args], { cwd: root, timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, stdout, stderr });
    });
  });
}

/** A usage error: status 2 and exactly one line on stderr, without a stack trace. */
function expectUsageError(run: Run, message: RegExp) {
  expect(run.status, run.stdout + run.stderr).toBe(2);
  const lines = run.stderr.split('\n').filter((line) => line.trim() && !/ExperimentalWarning|--trace-warnings|padLevels/.test(line));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/^\s+at /m);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

let workDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'conformance-cli-'));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('conformance command: usage and connection errors', () => {
  it('exits 2 with one line when the server is down', async () => {
    const probe = createServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    expectUsageError(await conformance(['--url', `http://127.0.0.1:${port}/api`, '--token', 'x']), /cannot reach http:\/\/127\.0\.0\.1:\d+\/api: connection refused/);
  }, 60_000);

  it('exits 2 with one line when the URL answers HTML', async () => {
    const html = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><html><body>Welcome to Monica</body></html>');
    });
    const port = await listen(html);
    try {
      expectUsageError(await conformance(['--url', `http://127.0.0.1:${port}/api`, '--token', 'x']), /answered 200 with HTML, not JSON: this is not a Monica API/);
    } finally {
      await new Promise((resolve) => html.close(resolve));
    }
  }, 60_000);

  it('exits 2 with one line for a flag it does not know, a URL not ending in /api, and an unknown --only', async () => {
    const [flag, url, only] = await Promise.all([
      conformance(['--bogus']),
      conformance(['--url', 'http://127.0.0.1:9/v1', '--token', 'x']),
      conformance(['--only', 'NoSuchResource']),
    ]);
    expectUsageError(flag, /Unknown option '--bogus'/);
    expectUsageError(url, /must be the API's base URL, ending in \/api/);
    expectUsageError(only, /--only "NoSuchResource": no tag or operationId/);
  }, 60_000);

  it('starts no server of its own: runConformance without a URL needs a starter passed in', async () => {
    const run = runConformance({ only: ['getContact'] });
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(/--url is required/);
  });
});

describe('conformance command: runs and reports', () => {
  it('tests a fresh reference server without --url, restricted by --only', async () => {
    const run = await conformance(['--only', 'tags,getContact']);
    expect(run.status, run.stdout.slice(-3000) + run.stderr).toBe(0);
    const selected = operations.filter((op) => op.tag === 'Tags' || op.operationId === 'getContact');
    // Every selected operation and nothing else is counted and exercised.
    expect(run.stdout).toMatch(new RegExp(`Operations exercised:\\s+${selected.length}/${selected.length} \\(100%\\)`));
    const dreddLines = run.stdout.split('\n').filter((line) => /^[✓✗-] \S.* > \w+ > \d{3}/.test(line));
    expect(dreddLines.length).toBeGreaterThan(selected.length);
    for (const line of dreddLines) expect(line).toMatch(/^[✓-] (Tags > \w+|Contacts > getContact) > \d{3}/);
    expect(run.stdout).toMatch(/The server keeps the contract/);
  }, 120_000);

  it('exits 1 and writes JUnit and HTML reports that name the failure', async () => {
    const faulty = await startFaultyServer('wrongType');
    const junit = join(workDir, 'out', 'report.xml');
    const html = join(workDir, 'report.html');
    try {
      const run = await conformance(['--url', faulty.url, '--token', faulty.tokens.demo, '--only', 'getContact', '--junit', junit, '--html', html]);
      expect(run.status, run.stdout.slice(-3000) + run.stderr).toBe(1);
      expect(run.stdout).toMatch(/✗ Contacts > getContact > 200/);
      expect(run.stdout).toMatch(/\/data\/id must be integer \(type\)/);

      const xml = readFileSync(junit, 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      // Entities are decoded here, not by the parser (which caps how many it expands).
      const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', processEntities: false }).parse(xml);
      const suites = [parsed.testsuites.testsuite].flat();
      const cases = suites.flatMap((suite: { testcase: unknown }) => [suite.testcase].flat()) as Array<{ name: string; failure?: { message: string; '#text': string } }>;
      const failed = cases.find((c) => decode(c.name) === 'Contacts > getContact > 200');
      if (failed?.failure) failed.failure = { message: decode(failed.failure.message), '#text': decode(failed.failure['#text']) };
      expect(failed?.failure?.message).toMatch(/GET \/contacts\/\{id\} → 200: .*\/data\/id must be integer \(type\)/);
      // The body holds the request sent and the response received, tokens shortened.
      expect(failed?.failure?.['#text']).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/api\/contacts\/\d+/);
      expect(failed?.failure?.['#text']).toMatch(/HTTP 200/);
      expect(failed?.failure?.['#text']).not.toContain(faulty.tokens.demo);
      expect(Number(parsed.testsuites.failures)).toBeGreaterThan(0);

      const page = readFileSync(html, 'utf8');
      expect(page).toMatch(/^<!DOCTYPE html>/);
      expect(page).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
      expect(page).toContain('Contacts &gt; getContact &gt; 200');
      expect(page).toContain('/data/id must be integer (type)');
      // The response body is shown, escaped: the string id the fault put there.
      expect(page).toMatch(/&quot;id&quot;: &quot;\d+&quot;/);
      expect(page).not.toContain(faulty.tokens.demo);
    } finally {
      await faulty.close();
    }
  }, 120_000);
});
