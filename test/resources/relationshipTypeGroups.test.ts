// Relationship type groups through the generated SDK: the four groups every account has, and the 24 default types in
// them, in a fixed order.
import { describe, expect, it } from 'vitest';
import { listRelationshipTypeGroups, listRelationshipTypes } from '../../generated/client/sdk.gen.js';
import { ok } from '../helpers/expect.js';
import { ids, typesOf } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();
/** The demo account's relationship types by name. */
const types = await typesOf(main.demo);

describe('relationship types and groups', () => {
  it('every account has the four groups and the 24 default types, in a fixed order, 15 a page', async () => {
    const groups = ok(await listRelationshipTypeGroups({ client: main.demo }));
    expect(groups.data.map((g) => g.name)).toEqual(['love', 'family', 'friend', 'work']);
    expect(groups.data.every((g) => g.delible === false && g.created_at === null)).toBe(true);

    const page1 = ok(await listRelationshipTypes({ client: main.demo }));
    expect(page1.data).toHaveLength(15);
    expect(page1.meta).toMatchObject({ total: 24, last_page: 2, per_page: 15 });
    expect(page1.data.slice(0, 9).map((t) => `${t.name}/${t.name_reverse_relationship}`)).toEqual([
      'partner/partner', 'spouse/spouse', 'date/date', 'lover/lover', 'inlovewith/lovedby', 'lovedby/inlovewith', 'ex/ex',
      'parent/child', 'child/parent',
    ]);
    // sort is accepted but not applied.
    const sorted = ok(await listRelationshipTypes({ client: main.demo, query: { sort: '-created_at' } }));
    expect(ids(sorted.data)).toEqual(ids(page1.data));

    // Every type's reverse exists, in the same group.
    const byGroup = new Map(groups.data.map((g) => [g.id, g.name]));
    for (const type of types.values()) {
      const reverse = types.get(type.name_reverse_relationship);
      expect(reverse, type.name).toBeDefined();
      expect(reverse!.relationship_type_group_id).toBe(type.relationship_type_group_id);
      expect(byGroup.has(type.relationship_type_group_id)).toBe(true);
    }
    expect([...types.keys()]).toEqual(expect.arrayContaining(['godfather', 'godson', 'bestfriend', 'colleague', 'boss', 'subordinate', 'mentor', 'protege']));
  });
});
