/**
 * Run by `npm install` / `npm ci` (postinstall): makes sure Debian's Chromium is there for the docs browser test.
 *
 * - Chromium found (CHROMIUM_PATH, /usr/bin/chromium, ...): nothing to do.
 * - Missing, running as root on a system with apt-get: `apt-get install -y --no-install-recommends chromium`,
 *   after `apt-get update` when the package lists are empty or the first attempt fails.
 * - Otherwise: a warning saying how to install it.
 *
 * It never fails the install: every problem is a warning. `SKIP_CHROMIUM_INSTALL=true` skips it;
 * `--dry-run` (or `CHROMIUM_SETUP_DRY_RUN=true`) prints the commands instead of running them.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isMain } from '../lib/paths.js';
import { findChromium, INSTALL_HINT, isExecutable } from './chromium.js';

export interface SetupDeps {
  env: NodeJS.ProcessEnv;
  dryRun: boolean;
  isRoot: boolean;
  /** True when npm installs this package into another project (its install scripts then do nothing). */
  asDependency?: boolean;
  /** Runs a command with inherited output; returns its exit status. */
  run(command: string, args: string[]): number;
  say(line: string): void;
}

const truthy = (value: string | undefined) => /^(1|true|yes|on)$/i.test(value ?? '');

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  return (env['PATH'] ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name))
    .find(isExecutable);
}

function packageListsEmpty(): boolean {
  try {
    return readdirSync('/var/lib/apt/lists').filter((name) => name.includes('_Packages')).length === 0;
  } catch {
    return true;
  }
}

/** What the setup does; returns a one-word outcome (for tests): present, skipped, installed, planned, warned. */
export function setupChromium(deps: SetupDeps): 'present' | 'skipped' | 'installed' | 'planned' | 'warned' {
  const { env, say } = deps;
  if (truthy(env['SKIP_CHROMIUM_INSTALL'])) {
    say('Chromium setup skipped (SKIP_CHROMIUM_INSTALL).');
    return 'skipped';
  }
  // Installed as another project's dependency, the package must not touch that machine: the browser is for
  // this repository's own tests. npm runs install scripts in the package's folder and says where it began.
  if (deps.asDependency) {
    say('Chromium setup skipped (installed as a dependency).');
    return 'skipped';
  }
  const found = findChromium(env);
  if (found) {
    say(`Chromium found: ${found}`);
    return 'present';
  }
  const aptGet = onPath('apt-get', env);
  if (process.platform !== 'linux' || !aptGet || !deps.isRoot) {
    const why = !aptGet ? 'no apt-get here' : !deps.isRoot ? 'not running as root' : `platform ${process.platform}`;
    say(`warning: Chromium is missing (${why}), so the docs browser test will fail. ${INSTALL_HINT}`);
    return 'warned';
  }
  const update: [string, string[]] = [aptGet, ['update']];
  const install: [string, string[]] = [aptGet, ['install', '-y', '--no-install-recommends', 'chromium']];
  const steps = packageListsEmpty() ? [update, install] : [install];
  if (deps.dryRun) {
    for (const [command, args] of steps) say(`would run: ${command} ${args.join(' ')}`);
    return 'planned';
  }
  say('Chromium is missing: installing Debian\'s chromium package for the docs browser test.');
  /** Runs the steps in order, stopping at the first failure; returns the last exit status. */
  const runSteps = (list: [string, string[]][]): number => {
    for (const [command, args] of list) {
      say(`$ ${command} ${args.join(' ')}`);
      const status = deps.run(command, args);
      if (status !== 0) return status;
    }
    return 0;
  };
  let status = runSteps(steps);
  // Stale or missing package lists are the usual cause: refresh them once and try again.
  if (status !== 0 && steps.length === 1) status = runSteps([update, install]);
  const now = findChromium(env);
  if (status === 0 && now) {
    say(`Chromium installed: ${now}`);
    return 'installed';
  }
  say(`warning: could not install Chromium (apt-get exited ${status}). ${INSTALL_HINT}`);
  return 'warned';
}

function main(): void {
  const env = process.env;
  setupChromium({
    env,
    dryRun: process.argv.includes('--dry-run') || truthy(env['CHROMIUM_SETUP_DRY_RUN']),
    asDependency: env['INIT_CWD'] !== undefined && path.resolve(env['INIT_CWD']) !== process.cwd(),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    run: (command, args) =>
      spawnSync(command, args, { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } }).status ?? 1,
    say: (line) => process.stdout.write(`[setup] ${line}\n`),
  });
}

if (isMain(import.meta.url)) {
  try {
    main();
  } catch (error) {
    process.stdout.write(`[setup] warning: Chromium setup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = 0;
}
