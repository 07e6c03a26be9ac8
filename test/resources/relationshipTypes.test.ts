// Relationship types through the generated SDK: read-only reference rows of each account, each with its reverse.
// The list of every type with its group is in relationshipTypeGroups.test.ts.
import { describe, expect, it } from 'vitest';
import { getRelationshipType, getRelationshipTypeGroup } from '../../generated/client/sdk.gen.js';
import { expectNotFound, ok } from '../helpers/expect.js';
import { typesOf } from '../helpers/factories.js';
import { serversForFile } from '../helpers/server.js';

const [main] = await serversForFile();
/** Each account's relationship types by name. */
const [types, otherTypes] = await Promise.all([typesOf(main.demo), typesOf(main.other)]);

describe('relationship types and groups', () => {
  it("get returns one; another account's type or group is 404", async () => {
    const uncle = types.get('uncle')!;
    expect(ok(await getRelationshipType({ client: main.demo, path: { id: uncle.id } })).data).toEqual(uncle);
    expectNotFound(await getRelationshipType({ client: main.other, path: { id: uncle.id } }));
    const family = ok(await getRelationshipTypeGroup({ client: main.demo, path: { id: uncle.relationship_type_group_id } })).data;
    expect(family.name).toBe('family');
    expectNotFound(await getRelationshipTypeGroup({ client: main.other, path: { id: family.id } }));
    expect(otherTypes.get('uncle')!.id).not.toBe(uncle.id);
  });
});
