// The last test of a file that looks back at every response its clients received (see client.ts): each one is JSON,
// and every error body is Monica's envelope, or Laravel's body for 401.
import { describe, expect, it } from 'vitest';
import { responseLog } from './client.js';
import { expectEnvelope, UNAUTHENTICATED_BODY } from './expect.js';

export interface EveryResponseOptions {
  /** The file's tests received more responses than this (so the check is not vacuous). */
  moreThan: number;
  /** Statuses the file's tests must have met. */
  statuses?: readonly number[];
}

/** Call last in a file: its tests run after every other test of the file. */
export function describeEveryResponse({ moreThan, statuses = [] }: EveryResponseOptions): void {
  describe('every response', () => {
    it('is JSON, and every error body is the envelope (or Laravel 401 body)', () => {
      expect(responseLog.length).toBeGreaterThan(moreThan);
      const seen = new Set(responseLog.map((r) => r.status));
      for (const status of statuses) expect(seen, `no ${status} seen`).toContain(status);
      for (const r of responseLog) {
        const where = `${r.method} ${r.url} -> ${r.status}`;
        expect(r.contentType ?? '', where).toMatch(/^application\/json\b/);
        const body: unknown = JSON.parse(r.body);
        if (r.status === 401) expect(body, where).toEqual(UNAUTHENTICATED_BODY);
        else if (r.status >= 400) expectEnvelope(body);
      }
    });
  });
}
