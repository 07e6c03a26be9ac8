// Seed data of this group: what every new account gets, and the demo account's content.
import { formatTimestamp } from '../../present/dates.js';
import type { Db } from '../../store/db.js';
import { createDebt } from '../../store/debts.js';
import { createDocument } from '../../store/documents.js';
import { removeStoredFiles, storeFile } from '../../store/files.js';
import { createGift, type GiftStatus } from '../../store/gifts.js';
import { attachPhotoToGift, createPhoto } from '../../store/photos.js';
import type { DemoAccount } from './types.js';

/** Reference rows every new account gets: none (debts, gifts, photos and documents have no reference data). */
export function seedMoneyAndFilesAccountData(_db: Db, _accountId: number, _now: string): void {}

const DAY_MS = 24 * 60 * 60 * 1000;

const DEBT_REASONS: ReadonlyArray<[reason: string, cents: number]> = [
  ['Concert tickets for the jazz festival', 8500],
  ['Half of the taxi back from the airport', 2350],
  ['Lunch at the ramen place; forgot my wallet', 1875],
  ['Birthday present for Mum, split between us', 6000],
  ['Deposit for the holiday cottage in Cornwall', 32000],
  ['Two rounds at the pub quiz', 2400],
  ['Paid the plumber while they were away', 14500],
  ['Groceries for the camping weekend', 5630],
  ['Borrowed for the train ticket to Edinburgh', 9210],
  ['Football tickets', 11000],
  ['Wedding gift collection', 5000],
  ['Pizza night, their share', 1450],
];

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

/** Pictures for the demo photos: simple, recognisable SVG illustrations (no binary assets in the repository). */
const PICTURES: ReadonlyArray<{ caption: string; sky: string; ground: string; sun: string }> = [
  { caption: 'Beach day', sky: '#7ec8e3', ground: '#f4d58d', sun: '#ffcf40' },
  { caption: 'Mountain hike', sky: '#a7c7e7', ground: '#5b8c5a', sun: '#fff3b0' },
  { caption: 'Birthday party', sky: '#f7cac9', ground: '#92a8d1', sun: '#ff6f61' },
  { caption: 'Lisbon trip', sky: '#ffd3a5', ground: '#c06c84', sun: '#fd6f96' },
  { caption: 'Garden barbecue', sky: '#b5ead7', ground: '#77a47f', sun: '#ffdac1' },
  { caption: 'Snowy weekend', sky: '#dfe7fd', ground: '#ffffff', sun: '#cddafd' },
];

function picture(p: (typeof PICTURES)[number]): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480" viewBox="0 0 640 480">
  <rect width="640" height="480" fill="${p.sky}"/>
  <circle cx="500" cy="110" r="60" fill="${p.sun}"/>
  <path d="M0 340 Q160 260 320 330 T640 320 V480 H0 Z" fill="${p.ground}"/>
  <text x="32" y="448" font-family="Helvetica, Arial, sans-serif" font-size="36" fill="#1f2933">${p.caption}</text>
</svg>
`,
    'utf8',
  );
}

const DOCUMENTS: ReadonlyArray<{ name: string; text: string }> = [
  { name: 'recipe-banana-bread.txt', text: 'Banana bread\n\n3 ripe bananas, 75 g melted butter, 150 g sugar, 1 egg, 190 g flour, 1 tsp baking soda.\nBake 60 minutes at 175 °C.\n' },
  { name: 'reunion-guest-list.csv', text: 'name,email,coming\nAmelia,amelia.hartley@example.com,yes\nDaniel,dan.fischer@example.com,maybe\nPriya,priya.raman@example.com,yes\n' },
  { name: 'hiking-itinerary.txt', text: 'Day 1: Keswick to Buttermere (14 km)\nDay 2: Buttermere to Honister (9 km)\nDay 3: back to Keswick via Cat Bells (12 km)\n' },
];

/**
 * Believable demo content for the demo account (called once, on an empty database, after contacts, tags and
 * notes): debts and gifts over the last two years. Photos (some shown on gifts) and documents are added when
 * the demo carries the server's files directory (`filesDir`), since their bytes live there.
 */
export function addMoneyAndFilesDemo(db: Db, demo: DemoAccount): void {
  const { accountId, contactIds, partialContactIds, rng, nowMs } = demo;
  if (contactIds.length === 0) return;
  const at = (daysAgo: number) => formatTimestamp(new Date(nowMs - daysAgo * DAY_MS - rng.int(0, 8 * 3600) * 1000));
  const dateOf = (daysFromNow: number) => formatTimestamp(new Date(nowMs + daysFromNow * DAY_MS)).slice(0, 10);

  // Debts: oldest first; most of the older ones are settled. Amounts are recorded without a currency, so they
  // show in the demo user's currency.
  DEBT_REASONS.forEach(([reason, cents], i) => {
    const daysAgo = Math.floor(((DEBT_REASONS.length - i) / DEBT_REASONS.length) * 700) - rng.int(0, 12);
    createDebt(
      db,
      accountId,
      {
        contact_id: rng.pick(contactIds),
        in_debt: rng.chance(0.5) ? 'yes' : 'no',
        status: daysAgo > 120 && rng.chance(0.7) ? 'completed' : 'inprogress',
        amount: cents,
        currency_id: null,
        reason,
      },
      at(Math.max(1, daysAgo)),
    );
  });

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

  const { filesDir } = demo;
  if (!filesDir) return;
  const written: string[] = [];
  try {
    PICTURES.forEach((p, i) => {
      const bytes = picture(p);
      const relative = storeFile(filesDir, 'photos', bytes, 'svg');
      written.push(relative);
      const daysAgo = 600 - i * 90 - rng.int(0, 20);
      const photo = createPhoto(
        db,
        accountId,
        {
          contact_id: rng.pick(contactIds),
          original_filename: `${p.caption.toLowerCase().replace(/\s+/g, '-')}.svg`,
          new_filename: relative,
          filesize: bytes.length,
          mime_type: 'image/svg+xml',
        },
        at(daysAgo),
      );
      if (i % 2 === 0 && giftIds.length > 0) attachPhotoToGift(db, accountId, rng.pick(giftIds), photo.id, at(daysAgo));
    });
    DOCUMENTS.forEach((d, i) => {
      const bytes = Buffer.from(d.text, 'utf8');
      const extension = d.name.split('.').pop() ?? null;
      const relative = storeFile(filesDir, 'documents', bytes, extension);
      written.push(relative);
      createDocument(
        db,
        accountId,
        {
          contact_id: rng.pick(contactIds),
          original_filename: d.name,
          new_filename: relative,
          filesize: bytes.length,
          type: extension,
          mime_type: extension === 'csv' ? 'text/csv' : 'text/plain',
        },
        at(500 - i * 150),
      );
    });
  } catch (err) {
    // The seeding transaction rolls the rows back; the files must go too.
    removeStoredFiles(filesDir, written);
    throw err;
  }
}
