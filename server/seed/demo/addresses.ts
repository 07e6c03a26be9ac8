// Demo addresses: most real contacts have one, a few two, with labels.
import { createAddress } from '../../store/addresses.js';
import { getContactsByIds } from '../../store/contacts.js';
import type { Db } from '../../store/db.js';
import { afterCreation } from './shared.js';
import type { DemoAccount } from './types.js';

interface DemoAddress {
  name: string | null;
  street: string;
  city: string;
  province: string | null;
  postal_code: string | null;
  country: string;
  latitude?: number;
  longitude?: number;
  labels?: string[];
}

/** Believable addresses, in the countries the demo's people plausibly live in. */
const ADDRESSES: readonly DemoAddress[] = [
  { name: 'Home', street: '14 Lavender Hill', city: 'London', province: null, postal_code: 'SW11 5QW', country: 'GB', latitude: 51.4637, longitude: -0.1633, labels: ['home'] },
  { name: 'Home', street: '221 Maple Avenue', city: 'Portland', province: 'OR', postal_code: '97205', country: 'US', labels: ['home'] },
  { name: 'Work', street: '500 Howard Street', city: 'San Francisco', province: 'CA', postal_code: '94105', country: 'US', latitude: 37.7885, longitude: -122.3965, labels: ['work'] },
  { name: 'Home', street: '8 Rue des Martyrs', city: 'Paris', province: 'Île-de-France', postal_code: '75009', country: 'FR', latitude: 48.8796, longitude: 2.3397, labels: ['home'] },
  { name: 'Home', street: 'Calle de Atocha 27', city: 'Madrid', province: 'Madrid', postal_code: '28012', country: 'ES', labels: ['home'] },
  { name: 'Parents', street: 'Via Garibaldi 12', city: 'Bologna', province: 'BO', postal_code: '40124', country: 'IT', labels: ['other'] },
  { name: 'Home', street: 'Kastanienallee 44', city: 'Berlin', province: 'Berlin', postal_code: '10435', country: 'DE', latitude: 52.5388, longitude: 13.4095, labels: ['home'] },
  { name: 'Home', street: '3-14-1 Jingumae', city: 'Tokyo', province: 'Shibuya', postal_code: '150-0001', country: 'JP', labels: ['home'] },
  { name: 'Home', street: '88 Queen Street West', city: 'Toronto', province: 'ON', postal_code: 'M5H 2N2', country: 'CA', labels: ['home'] },
  { name: 'Cottage', street: '2 Lakeshore Road', city: 'Huntsville', province: 'ON', postal_code: 'P1H 1A1', country: 'CA', labels: ['Weekends'] },
  { name: 'Home', street: 'Rua Augusta 210', city: 'Lisbon', province: null, postal_code: '1100-053', country: 'PT', labels: ['home'] },
  { name: 'Studio', street: 'Prinsengracht 263', city: 'Amsterdam', province: 'Noord-Holland', postal_code: '1016 GV', country: 'NL', labels: ['work'] },
  { name: 'Home', street: '17 Kloof Street', city: 'Cape Town', province: 'Western Cape', postal_code: '8001', country: 'ZA', labels: ['home'] },
  { name: 'Home', street: '42 Bondi Road', city: 'Sydney', province: 'NSW', postal_code: '2026', country: 'AU', latitude: -33.8915, longitude: 151.2767, labels: ['home'] },
  { name: 'Office', street: 'MG Road 90', city: 'Bengaluru', province: 'Karnataka', postal_code: '560001', country: 'IN', labels: ['work'] },
  { name: 'Home', street: 'Storgatan 5', city: 'Stockholm', province: null, postal_code: '114 51', country: 'SE', labels: ['home'] },
  { name: 'Home', street: '9 Harbour View', city: 'Dublin', province: null, postal_code: 'D02 X285', country: 'IE', labels: ['home'] },
  { name: 'Home', street: 'Avenida Paulista 1578', city: 'São Paulo', province: 'SP', postal_code: '01310-200', country: 'BR', labels: ['home'] },
  { name: 'Home', street: 'Ulica Floriańska 3', city: 'Kraków', province: 'Małopolska', postal_code: '31-019', country: 'PL', labels: ['home'] },
  { name: 'Home', street: '1 Princes Street', city: 'Edinburgh', province: 'Scotland', postal_code: 'EH2 2EQ', country: 'GB', labels: ['home'] },
];

/** Believable demo content for the demo account (called once, on an empty database, after contacts, tags and notes). */
export function addAddressesDemo(db: Db, demo: DemoAccount): void {
  const { accountId, rng } = demo;
  const contacts = getContactsByIds(db, accountId, demo.contactIds);

  // Addresses: most real contacts have one, a few two (home and work, or a second home).
  let next = 0;
  for (const id of demo.contactIds) {
    const contact = contacts.get(id);
    if (!contact || !rng.chance(0.75)) continue;
    const count = rng.chance(0.2) ? 2 : 1;
    for (let i = 0; i < count; i += 1) {
      const a = ADDRESSES[next % ADDRESSES.length]!;
      next += 1 + rng.int(0, 2);
      createAddress(
        db,
        accountId,
        {
          contact_id: id,
          name: a.name,
          street: a.street,
          city: a.city,
          province: a.province,
          postal_code: a.postal_code,
          country: a.country,
          latitude: a.latitude ?? null,
          longitude: a.longitude ?? null,
          labels: a.labels ?? null,
        },
        afterCreation(demo, contact.created_at),
      );
    }
  }
}
