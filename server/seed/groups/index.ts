// Every group's seeding, in migration order.
import type { Db } from '../../store/db.js';
import * as activities from './activities.js';
import * as places from './places.js';
import * as conversations from './conversations.js';
import * as moneyAndFiles from './moneyAndFiles.js';
import * as planning from './planning.js';
import * as people from './people.js';
import * as account from './account.js';
import type { DemoAccount } from './types.js';

export function seedGroupsAccountData(db: Db, accountId: number, now: string): void {
  activities.seedActivitiesAccountData(db, accountId, now);
  places.seedPlacesAccountData(db, accountId, now);
  conversations.seedConversationsAccountData(db, accountId, now);
  moneyAndFiles.seedMoneyAndFilesAccountData(db, accountId, now);
  planning.seedPlanningAccountData(db, accountId, now);
  people.seedPeopleAccountData(db, accountId, now);
  account.seedAccountAccountData(db, accountId, now);
}

export function addGroupsDemo(db: Db, demo: DemoAccount): void {
  activities.addActivitiesDemo(db, demo);
  places.addPlacesDemo(db, demo);
  conversations.addConversationsDemo(db, demo);
  moneyAndFiles.addMoneyAndFilesDemo(db, demo);
  planning.addPlanningDemo(db, demo);
  people.addPeopleDemo(db, demo);
  account.addAccountDemo(db, demo);
}
