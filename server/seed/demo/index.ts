// The demo content of every resource, added to the demo account after its contacts, tags and notes.
import type { Db } from '../../store/db.js';
import { removeStoredFiles } from '../../store/files.js';
import { addActivitiesDemo } from './activities.js';
import { addAddressesDemo } from './addresses.js';
import { addCallsDemo } from './calls.js';
import { addCompaniesDemo } from './companies.js';
import { addComplianceDemo } from './compliance.js';
import { addContactFieldsDemo } from './contactFields.js';
import { addConversationsDemo } from './conversations.js';
import { addDebtsDemo } from './debts.js';
import { addDocumentsDemo } from './documents.js';
import { addGiftsDemo } from './gifts.js';
import { addGroupsDemo } from './groups.js';
import { addJournalEntriesDemo } from './journalEntries.js';
import { addLifeEventsDemo } from './lifeEvents.js';
import { addOccupationsDemo } from './occupations.js';
import { addPetsDemo } from './pets.js';
import { addPhotosDemo } from './photos.js';
import { addPlacesDemo } from './places.js';
import { addRelationshipsDemo } from './relationships.js';
import { addRemindersDemo } from './reminders.js';
import { addTasksDemo } from './tasks.js';
import { addUserDemo } from './user.js';
import type { DemoAccount } from './types.js';

/**
 * Adds the demo content of every resource. Every seeder draws from the same seeded generator (`demo.rng`), so the
 * demo is the same on every start only as long as they run in this order: a new seeder goes last.
 */
export function addDemoContent(db: Db, demo: DemoAccount): void {
  addActivitiesDemo(db, demo);
  addAddressesDemo(db, demo);
  addContactFieldsDemo(db, demo);
  addCallsDemo(db, demo);
  addConversationsDemo(db, demo);
  addDebtsDemo(db, demo);
  const giftIds = addGiftsDemo(db, demo);
  // Photos (some shown on gifts) and documents only when the demo has the server's files directory, where their
  // bytes live. If a row cannot be written the seeding transaction rolls every row back: the files must go too.
  if (demo.contactIds.length > 0 && demo.filesDir) {
    const written: string[] = [];
    try {
      addPhotosDemo(db, demo, giftIds, written);
      addDocumentsDemo(db, demo, written);
    } catch (err) {
      removeStoredFiles(demo.filesDir, written);
      throw err;
    }
  }
  addRemindersDemo(db, demo);
  addTasksDemo(db, demo);
  addJournalEntriesDemo(db, demo);
  const companyIds = addCompaniesDemo(db, demo);
  addOccupationsDemo(db, demo, companyIds);
  addRelationshipsDemo(db, demo);
  addUserDemo(db, demo);
  addComplianceDemo(db, demo);
  addGroupsDemo(db, demo);
}

/**
 * The demo content of the resources added since: seeded after the second account's content (server/seed/demo.ts),
 * so that everything seeded before draws the same numbers as it always did. A new seeder goes last here too.
 */
export function addLaterDemoContent(db: Db, demo: DemoAccount): void {
  addPetsDemo(db, demo);
  addPlacesDemo(db, demo);
  addLifeEventsDemo(db, demo);
}
