// Demo pets: a few of the demo's contacts have one or two.
import type { Db } from '../../store/db.js';
import { createPet } from '../../store/pets.js';
import { afterCreation, demoContacts } from './shared.js';
import type { DemoAccount } from './types.js';

/** Name and category id (3 cat, 4 dog, 5 fish, 8 rabbit, 2 bird, 1 reptile, 6 hamster, 7 horse). */
const PETS: ReadonlyArray<readonly [name: string | null, categoryId: number]> = [
  ['Pepper', 4],
  ['Miso', 3],
  ['Bubbles', 5],
  ['Clover', 8],
  ['Kiwi', 2],
  ['Biscuit', 4],
  ['Sheldon', 1],
  [null, 5],
  ['Nibbles', 6],
  ['Duchess', 7],
];

/** Believable demo content for the demo account (called once, on an empty database, after the other resources). */
export function addPetsDemo(db: Db, demo: DemoAccount): void {
  const { accountId, rng } = demo;
  const contacts = demoContacts(db, demo);
  if (contacts.length === 0) return;
  let owner = rng.pick(contacts);
  PETS.forEach(([name, categoryId], i) => {
    // Most owners have one pet; every third pet lives with the previous one.
    if (i % 3 !== 2) owner = rng.pick(contacts);
    const at = afterCreation(demo, new Date(owner.createdMs).toISOString());
    createPet(db, accountId, { contact_id: owner.id, pet_category_id: categoryId, name }, at, rng.uuid());
  });
}
