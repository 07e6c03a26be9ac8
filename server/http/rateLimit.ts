// A fixed one-minute window per token, as Monica's throttle does, with its headers.
import { tooManyRequests } from './errors.js';

export function createRateLimiter(options: { perMinute: number; now: () => number }) {
  const windows = new Map<string, { start: number; used: number }>();
  const windowMs = 60_000;
  let lastSweep = 0;

  function sweep(now: number) {
    if (now - lastSweep < windowMs) return;
    lastSweep = now;
    for (const [key, w] of windows) if (now - w.start >= windowMs) windows.delete(key);
  }

  return {
    /** Counts one request for `key`; throws the 429 error when the window is used up. */
    take(key: string): Record<string, string> {
      const now = options.now();
      sweep(now);
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        w = { start: now, used: 0 };
        windows.set(key, w);
      }
      const limit = options.perMinute;
      if (w.used >= limit) {
        const retryAfter = Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
        throw tooManyRequests({
          'X-RateLimit-Limit': String(limit),
          'X-RateLimit-Remaining': '0',
          'Retry-After': String(retryAfter),
          'X-RateLimit-Reset': String(Math.ceil((w.start + windowMs) / 1000)),
        });
      }
      w.used += 1;
      return { 'X-RateLimit-Limit': String(limit), 'X-RateLimit-Remaining': String(limit - w.used) };
    },
  };
}
