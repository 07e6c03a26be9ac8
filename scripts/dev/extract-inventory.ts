/**
 * Writes test/fixtures/inventory.json: the part of the reference inventory (../shared/reference/inventory.json)
 * the tests read, so that they run where the reference is not beside the clone (CI). Facts only: each operation's
 * method, path, resource, where it is known from, whether 4.x can serve it, its 4.x success status, and each
 * request field's 4.x validation rule. `test/spec.test.ts` checks that the extract still equals the inventory.
 *
 *   npx tsx scripts/dev/extract-inventory.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const INVENTORY_FILE = fileURLToPath(new URL('../../../shared/reference/inventory.json', import.meta.url));
export const EXTRACT_FILE = fileURLToPath(new URL('../../test/fixtures/inventory.json', import.meta.url));

interface InventoryField {
  name: string;
  impl_rule_4x: string | null;
  impl_required_4x: boolean | null;
  in_impl_4x: boolean;
}

interface InventoryEntry {
  method: string;
  path: string;
  resource: string;
  in_seed: boolean | 'impl_only';
  impl_broken: boolean;
  request_content_type: string | null;
  request_fields: InventoryField[] | null;
  success_status: { implemented_4x: number | null };
}

export interface ExtractEntry {
  method: string;
  path: string;
  resource: string;
  in_seed: boolean | 'impl_only';
  impl_broken: boolean;
  success_status_4x: number | null;
  request_content_type: string | null;
  request_fields: { name: string; rule: string | null; required: boolean | null; in_impl_4x: boolean }[];
}

export function extract(inventory: readonly InventoryEntry[]): ExtractEntry[] {
  return inventory.map((op) => ({
    method: op.method,
    path: op.path,
    resource: op.resource,
    in_seed: op.in_seed,
    impl_broken: op.impl_broken,
    success_status_4x: op.success_status?.implemented_4x ?? null,
    request_content_type: op.request_content_type ?? null,
    request_fields: (op.request_fields ?? []).map((f) => ({
      name: f.name,
      rule: f.impl_rule_4x ?? null,
      required: f.impl_required_4x ?? null,
      in_impl_4x: f.in_impl_4x,
    })),
  }));
}

/** The inventory's operations, from the committed extract (which test/spec.test.ts keeps equal to the inventory). */
export function extractedOperations(): ExtractEntry[] {
  return (JSON.parse(readFileSync(EXTRACT_FILE, 'utf8')) as { operations: ExtractEntry[] }).operations;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const inventory = JSON.parse(readFileSync(INVENTORY_FILE, 'utf8')) as InventoryEntry[];
  const body = { source: '../shared/reference/inventory.json, extracted by scripts/dev/extract-inventory.ts', operations: extract(inventory) };
  writeFileSync(EXTRACT_FILE, `${JSON.stringify(body, null, 1)}\n`);
  console.log(`wrote ${EXTRACT_FILE} (${inventory.length} operations)`);
}
