// A clock the tests move by hand, handed to startServer({ now }) so timestamps are predictable.

export interface TestClock {
  /** What the server calls to know the time. */
  now: () => Date;
  /** Moves the clock to an instant. */
  set(at: string | Date): void;
  /** Moves the clock forward (or back, with a negative number) by some seconds. */
  advance(seconds: number): void;
  /** The current time as the API writes it: `YYYY-MM-DDTHH:MM:SSZ`. */
  stamp(): string;
}

export function apiTimestamp(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

export function createTestClock(start: string | Date = '2024-06-15T10:00:00Z'): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set(at) {
      current = new Date(at).getTime();
    },
    advance(seconds) {
      current += seconds * 1000;
    },
    stamp: () => apiTimestamp(new Date(current)),
  };
}
