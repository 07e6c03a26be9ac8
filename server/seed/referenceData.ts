/**
 * Reference data every new account starts with, as in a fresh Monica account:
 * three genders and the default contact field types.
 */
import { seedGroupsAccountData } from './groups/index.js';
import { randomUUID } from 'node:crypto';
import { stmt, type Db } from '../store/db.js';

export const DEFAULT_GENDERS: ReadonlyArray<{ name: string; type: 'M' | 'F' | 'O' }> = [
  { name: 'Man', type: 'M' },
  { name: 'Woman', type: 'F' },
  { name: 'Rather not say', type: 'O' },
];

export const DEFAULT_CONTACT_FIELD_TYPES: ReadonlyArray<{
  name: string;
  fontawesome_icon: string;
  protocol: string | null;
  delible: boolean;
  type: string | null;
}> = [
  { name: 'Email', fontawesome_icon: 'fa fa-envelope-open-o', protocol: 'mailto:', delible: false, type: 'email' },
  { name: 'Phone', fontawesome_icon: 'fa fa-volume-control-phone', protocol: 'tel:', delible: false, type: 'phone' },
  { name: 'Facebook', fontawesome_icon: 'fa fa-facebook-official', protocol: null, delible: true, type: null },
  { name: 'Twitter', fontawesome_icon: 'fa fa-twitter', protocol: null, delible: true, type: null },
  { name: 'Whatsapp', fontawesome_icon: 'fa fa-whatsapp', protocol: null, delible: true, type: null },
  { name: 'Telegram', fontawesome_icon: 'fa fa-telegram', protocol: null, delible: true, type: null },
  { name: 'LinkedIn', fontawesome_icon: 'fa fa-linkedin', protocol: null, delible: true, type: null },
];

/** Inserts the default genders and contact field types for an account. */
export function seedAccountReferenceData(db: Db, accountId: number, now: string): void {
  db.transaction(() => {
    const gender = stmt(
      db,
      'INSERT INTO genders (account_id, name, type, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const g of DEFAULT_GENDERS) gender.run(accountId, g.name, g.type, now, now);

    const fieldType = stmt(
      db,
      `INSERT INTO contact_field_types
         (account_id, uuid, name, fontawesome_icon, protocol, delible, type, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of DEFAULT_CONTACT_FIELD_TYPES) {
      fieldType.run(accountId, randomUUID(), t.name, t.fontawesome_icon, t.protocol, t.delible ? 1 : 0, t.type, now, now);
    }
    seedGroupsAccountData(db, accountId, now);
  })();
}
