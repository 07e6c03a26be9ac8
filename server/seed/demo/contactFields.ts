// Demo contact fields: a mobile number, a work e-mail and a social profile or two, with labels.
import { createContactField, emailTakenByAnotherField } from '../../store/contactFields.js';
import { listContactFieldTypes } from '../../store/contactFieldTypes.js';
import { getContactsByIds } from '../../store/contacts.js';
import type { Db } from '../../store/db.js';
import type { Rng } from '../random.js';
import { afterCreation } from './shared.js';
import type { DemoAccount } from './types.js';

/** Which extra contact fields a demo contact gets. */
const SOCIAL: ReadonlyArray<{ type: string; value: (handle: string, rng: Rng) => string; labels?: string[] }> = [
  { type: 'Twitter', value: (h) => `@${h}` },
  { type: 'LinkedIn', value: (h) => `https://www.linkedin.com/in/${h}` },
  { type: 'Telegram', value: (h) => `@${h}` },
  { type: 'Whatsapp', value: (_h, rng) => `+1 555 01${rng.int(10, 99)}`, labels: ['cell'] },
  { type: 'Facebook', value: (h) => `https://www.facebook.com/${h}` },
];

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addContactFieldsDemo(db: Db, demo: DemoAccount): void {
  const { accountId, rng } = demo;
  const contacts = getContactsByIds(db, accountId, demo.contactIds);
  const types = new Map(listContactFieldTypes(db, accountId).map((t) => [t.name, t.id]));

  // Contact fields: a mobile number, a work e-mail, and a social profile or two, with labels.
  const phoneType = types.get('Phone');
  const emailType = types.get('Email');
  for (const id of demo.contactIds) {
    const contact = contacts.get(id);
    if (!contact) continue;
    const handle = slug(`${contact.first_name}${contact.last_name ?? ''}`) || `friend${id}`;
    const at = afterCreation(demo, contact.created_at);
    if (phoneType !== undefined && rng.chance(0.6)) {
      const number = `+44 7${rng.int(100, 999)} ${rng.int(100000, 999999)}`;
      createContactField(db, accountId, { contact_id: id, contact_field_type_id: phoneType, data: number, labels: ['cell'] }, at);
    }
    if (emailType !== undefined && contact.company && rng.chance(0.6)) {
      const email = `${slug(contact.first_name)}@${slug(contact.company)}.example`;
      if (!emailTakenByAnotherField(db, accountId, email)) {
        createContactField(db, accountId, { contact_id: id, contact_field_type_id: emailType, data: email, labels: ['work'] }, at);
      }
    }
    for (const social of SOCIAL) {
      const typeId = types.get(social.type);
      if (typeId === undefined || !rng.chance(0.25)) continue;
      const data = social.value(handle, rng);
      createContactField(db, accountId, { contact_id: id, contact_field_type_id: typeId, data, labels: social.labels ?? null }, at);
    }
  }
}
