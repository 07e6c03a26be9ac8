// Demo photos: simple SVG illustrations, every other one shown on a gift. Their bytes go to the server's files
// directory.
import type { Db } from '../../store/db.js';
import { storeFile } from '../../store/files.js';
import { attachPhotoToGift, createPhoto } from '../../store/photos.js';
import { daysAgoStamp } from './shared.js';
import type { DemoAccount } from './types.js';

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

/**
 * Believable demo content for the demo account (called once, on an empty database, after contacts, tags, notes and
 * gifts): `giftIds` are the gifts some photos are shown on. The files written are added to `written`.
 */
export function addPhotosDemo(db: Db, demo: DemoAccount, giftIds: readonly number[], written: string[]): void {
  const { accountId, contactIds, rng, filesDir } = demo;
  const at = (daysAgo: number) => daysAgoStamp(demo, daysAgo, 8 * 3600);

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
}
