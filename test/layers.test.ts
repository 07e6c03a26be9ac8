// The one-way flow, checked on the imports themselves: each top-level part may import only the parts below it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** What each part may import from the repository (besides itself); everything else is an arrow back up. */
const ALLOWED: Record<string, readonly string[]> = {
  contract: ['generated'],
  server: ['contract', 'generated'],
  mock: ['contract', 'generated'],
  // Conformance tests any server over HTTP: whoever wants the reference server tested passes a starter in.
  conformance: ['contract', 'generated'],
};

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|mts|cts|mjs|cjs|js)$/.test(name)) out.push(full);
  }
  return out;
}

/** The top-level folders a file's relative imports reach (`import … from '../generated/x.js'` → generated), side-effect imports and requires included. */
function importedParts(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|require\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((spec) => path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep)[0]!);
}

describe('layers', () => {
  for (const [part, allowed] of Object.entries(ALLOWED)) {
    it(`${part}/ imports only ${allowed.join(' and ')}`, () => {
      const files = sourceFiles(path.join(root, part));
      expect(files.length).toBeGreaterThan(0);
      const wrong = files.flatMap((file) =>
        importedParts(file)
          .filter((target) => target !== part && !allowed.includes(target))
          .map((target) => `${path.relative(root, file)} → ${target}/`),
      );
      expect(wrong).toEqual([]);
    });
  }

  it('finds an arrow back up when there is one (the scan itself works)', () => {
    expect(importedParts(path.join(root, 'scripts', 'bench', 'mock-startup.ts'))).toContain('mock');
  });
});
