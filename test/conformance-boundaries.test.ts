// Conformance tests any Monica-compatible server through HTTP: no file under conformance/ may import the reference
// server (server/). Whoever wants a reference server tested passes a starter in (scripts/conformance.ts does).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../conformance/errors.js';
import { runConformance } from '../conformance/runner.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every module a source text names: static and dynamic imports, re-exports, and `require`s (tsx's too). */
function importedSpecifiers(text: string): string[] {
  const patterns = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\brequire\s*\(\s*['"]([^'"]+)['"]/g];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
}

/** The specifiers of a file that lead into server/ (relative ones, resolved from the file's folder). */
function serverImports(file: string): string[] {
  return importedSpecifiers(readFileSync(file, 'utf8')).filter((specifier) => {
    if (!specifier.startsWith('.')) return false;
    const target = relative(root, resolve(dirname(file), specifier)).split('\\').join('/');
    return target === 'server' || target.startsWith('server/');
  });
}

describe('conformance and the reference server', () => {
  const files = sourceFiles(join(root, 'conformance'));

  it('finds the imports it looks for', () => {
    expect(files.length).toBeGreaterThan(20);
    const all = files.flatMap((file) => importedSpecifiers(readFileSync(file, 'utf8')));
    expect(all).toEqual(expect.arrayContaining(['./checks/index.js', '../contract/index.js', 'hooks', './hooks.ts']));
    expect(importedSpecifiers(`import { a } from '../server/start.js';\nconst b = await import("../server/app.js");\nrequire('../../server/x')`)).toEqual([
      '../server/start.js',
      '../server/app.js',
      '../../server/x',
    ]);
  });

  it('has no file under conformance/ that imports from server/', () => {
    const offenders = files.flatMap((file) => serverImports(file).map((specifier) => `${relative(root, file)} imports ${specifier}`));
    expect(offenders).toEqual([]);
  });

  it('starts no server of its own: a run without a URL needs a starter', async () => {
    const run = runConformance({ only: ['getContact'] });
    await expect(run).rejects.toBeInstanceOf(UsageError);
    await expect(run).rejects.toThrow(/--url is required/);
  });
});
