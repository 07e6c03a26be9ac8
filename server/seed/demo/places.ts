// Demo places: a few locations of the account that are nobody's address (the addresses' own places come with them).
import type { Db } from '../../store/db.js';
import { createPlace, type PlaceFields } from '../../store/places.js';
import { daysAgoStamp } from './shared.js';
import type { DemoAccount } from './types.js';

const PLACES: readonly PlaceFields[] = [
  { street: '12 Riverside Walk', city: 'London', province: null, postal_code: 'SE1 9PX', country: 'GB', latitude: 51.5072, longitude: -0.0995 },
  { street: 'Via della Lungara 230', city: 'Rome', province: 'RM', postal_code: '00165', country: 'IT', latitude: null, longitude: null },
  { street: null, city: 'Chamonix', province: 'Haute-Savoie', postal_code: '74400', country: 'FR', latitude: 45.9237, longitude: 6.8694 },
  { street: '1 Harbour Lane', city: 'Halifax', province: 'NS', postal_code: 'B3J 1A1', country: 'CA', latitude: null, longitude: null },
];

/** Believable demo content for the demo account (called once, on an empty database, after the other resources). */
export function addPlacesDemo(db: Db, demo: DemoAccount): void {
  PLACES.forEach((place, i) => {
    createPlace(db, demo.accountId, place, daysAgoStamp(demo, 400 - i * 90, 12 * 3600));
  });
}
