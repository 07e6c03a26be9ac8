// Who may use the control API: anyone on a loopback address when no control token is set, else whoever sends the
// control token. The server refuses to start on any other address without one.
import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** The shortest control token accepted: it guards every account of the server. */
export const CONTROL_TOKEN_MIN_LENGTH = 16;

/** Whether the address only this machine reaches: 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) or `localhost`. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) {
    try {
      // The URL parser writes an IPv6 address in its shortest form, an IPv4-mapped one in hex (127.0.0.1: 7f00:1).
      const normal = new URL(`http://[${h}]`).hostname;
      return normal === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(normal);
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Throws when the control API may not run with these settings: bound to an address other than loopback without a
 * control token, or with a token too short to guard anything.
 */
export function checkControlAccess(host: string, token: string | undefined): void {
  if (token !== undefined && token.length < CONTROL_TOKEN_MIN_LENGTH) {
    throw new Error(`the control token must have at least ${CONTROL_TOKEN_MIN_LENGTH} characters`);
  }
  if (token === undefined && !isLoopback(host)) {
    throw new Error(
      `the control API would be open to the network on ${host}: give it a control token (--control-token or CONTROL_TOKEN), ` +
        'or turn it off (--no-control-api or CONTROL_API=false)',
    );
  }
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Whether an `Authorization` header carries the control token (compared in constant time). */
export function sendsControlToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!), digest(token));
}
