/**
 * For spec authors: lints the spec as if the given paths were already in the root file.
 *
 *   npx tsx scripts/dev/lint-group.ts /activities /activities/{id} /contacts/{id}/activities
 *
 * Each path's file is `openapi/paths/<path without the first slash, "/" -> "_">.yaml`. Tags the new
 * operations use but the root does not define are added for the run with a placeholder description.
 */
import { readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { bin, repoRoot } from '../lib/paths.js';
import { run } from '../lib/run.js';

function pathFile(template: string): string {
  return `./paths/${template.replace(/^\//, '').replace(/\//g, '_')}.yaml`;
}

const templates = process.argv.slice(2);
const root = parse(readFileSync(path.join(repoRoot, 'openapi/openapi.yaml'), 'utf8'));
const knownTags = new Set((root.tags ?? []).map((t: { name: string }) => t.name));
for (const template of templates) {
  const file = pathFile(template);
  if (!existsSync(path.join(repoRoot, 'openapi', file))) throw new Error(`missing ${file}`);
  root.paths[template] = { $ref: file };
  const item = parse(readFileSync(path.join(repoRoot, 'openapi', file), 'utf8'));
  for (const op of Object.values<{ tags?: string[] }>(item)) {
    for (const tag of op?.tags ?? []) {
      if (!knownTags.has(tag)) {
        knownTags.add(tag);
        root.tags.push({ name: tag, description: 'Pending: the lead adds the final tag description.' });
      }
    }
  }
}
const temp = path.join(repoRoot, 'openapi', `.lint-${process.pid}.yaml`);
writeFileSync(temp, stringify(root));
try {
  const lint = run(bin('redocly'), ['lint', temp, '--config', 'redocly.yaml'], { check: false });
  // Without the boxed banner redocly draws around its notices.
  const banner = /[^\n]*[║╔╚][^\n]*\n/g;
  process.stdout.write(lint.stdout.replace(banner, ''));
  process.stderr.write(lint.stderr.replace(banner, ''));
  process.exitCode = lint.status;
} finally {
  rmSync(temp, { force: true });
}
