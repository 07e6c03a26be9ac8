// Demo gifts: given and received ones in the past, ideas for the coming months, some meant for a partner or a child.
import { formatTimestamp } from '../../present/dates.js';
import type { Db } from '../../store/db.js';
import { createGift, type GiftStatus } from '../../store/gifts.js';
import { DAY_MS, daysAgoStamp } from './shared.js';
import type { DemoAccount } from './types.js';

interface GiftIdea {
  name: string;
  comment: string | null;
  url: string | null;
  cents: number | null;
  status: GiftStatus;
}

const GIFTS: readonly GiftIdea[] = [
  { name: 'Hardback of "The Remains of the Day"', comment: 'They loved the film.', url: 'https://www.example.com/books/remains-of-the-day', cents: 2499, status: 'offered' },
  { name: 'Pottery class for two', comment: 'Saturday mornings, six weeks.', url: null, cents: 12000, status: 'idea' },
  { name: 'Hand-knitted scarf', comment: 'Dark green, their favourite colour.', url: null, cents: null, status: 'received' },
  { name: 'Noise-cancelling headphones', comment: 'For the long commute.', url: 'https://www.example.com/audio/headphones-nc700', cents: 27900, status: 'idea' },
  { name: 'Bottle of Barolo 2016', comment: null, url: null, cents: 5400, status: 'offered' },
  { name: 'Framed print of the Lisbon trams', comment: 'Found it at the flea market.', url: null, cents: 3500, status: 'offered' },
  { name: 'Homemade strawberry jam', comment: 'Six jars!', url: null, cents: null, status: 'received' },
  { name: 'Climbing chalk bag', comment: null, url: 'https://www.example.com/outdoor/chalk-bag', cents: 1899, status: 'idea' },
  { name: 'Cookbook: "Salt, Fat, Acid, Heat"', comment: 'Signed copy.', url: null, cents: 3200, status: 'offered' },
  { name: 'Tickets to the Miyazaki exhibition', comment: null, url: null, cents: 4400, status: 'idea' },
  { name: 'Lego botanical set', comment: 'The bonsai one.', url: 'https://www.example.com/toys/lego-bonsai', cents: 4999, status: 'offered' },
  { name: 'Watercolour paints', comment: 'Professional grade, 24 colours.', url: null, cents: 6500, status: 'idea' },
  { name: 'Personalised star map', comment: 'The night sky of their wedding day.', url: null, cents: 7900, status: 'offered' },
  { name: 'Book token', comment: null, url: null, cents: 2000, status: 'received' },
  { name: 'Vinyl: Kind of Blue', comment: 'Remastered edition.', url: null, cents: 2899, status: 'idea' },
  { name: 'Silk tie', comment: 'Brought back from Como.', url: null, cents: 4500, status: 'received' },
];

/**
 * Believable demo content for the demo account (called once, on an empty database, after contacts, tags and
 * notes). Returns the ids of the gifts, for the photos shown on some of them.
 */
export function addGiftsDemo(db: Db, demo: DemoAccount): number[] {
  const { accountId, contactIds, partialContactIds, rng, nowMs } = demo;
  if (contactIds.length === 0) return [];
  const at = (daysAgo: number) => daysAgoStamp(demo, daysAgo, 8 * 3600);
  const dateOf = (daysFromNow: number) => formatTimestamp(new Date(nowMs + daysFromNow * DAY_MS)).slice(0, 10);

  // Gifts: given and received ones dated in the past, ideas for the coming months; some meant for a partner or
  // a child (a partial contact).
  const giftIds: number[] = [];
  GIFTS.forEach((gift, i) => {
    const daysAgo = Math.max(1, Math.floor(((GIFTS.length - i) / GIFTS.length) * 700) - rng.int(0, 12));
    const date = gift.status === 'idea' ? (rng.chance(0.6) ? dateOf(rng.int(10, 200)) : null) : dateOf(-Math.max(0, daysAgo - rng.int(0, 3)));
    const recipient = partialContactIds.length > 0 && rng.chance(0.2) ? rng.pick(partialContactIds) : null;
    const row = createGift(
      db,
      accountId,
      {
        contact_id: rng.pick(contactIds),
        recipient_id: recipient,
        name: gift.name,
        comment: gift.comment,
        url: gift.url,
        amount: gift.cents,
        currency_id: null,
        status: gift.status,
        date,
      },
      at(daysAgo),
    );
    giftIds.push(row.id);
  });
  return giftIds;
}
