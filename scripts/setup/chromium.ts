/**
 * Where the docs browser test finds Chromium, and how the setup installs it. The test drives Debian's `chromium`
 * package with playwright-core (which downloads no browser of its own).
 *
 * `CHROMIUM_PATH` names the binary to use; otherwise the first of CHROMIUM_CANDIDATES that exists.
 */
import { accessSync, constants } from 'node:fs';

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** The flags the docs test launches Chromium with (headless, and nothing that needs a network or a sandbox). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];

export const INSTALL_HINT =
  'Install Debian\'s chromium package (`sudo apt-get install --no-install-recommends chromium`, which `npm install` ' +
  'does by itself when run as root), or set CHROMIUM_PATH to a Chromium binary.';

export function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium binary to use, or undefined when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen) return isExecutable(chosen) ? chosen : undefined;
  return CHROMIUM_CANDIDATES.find(isExecutable);
}
