// The handler of every operation, keyed by operationId: one module per tag of the spec, named after it, spread in
// the spec's tag order. The generated `Handlers` type makes a missing or mistyped entry a compile error.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { contactsHandlers } from './contacts.js';
import { tagsHandlers } from './tags.js';
import { relationshipsHandlers } from './relationships.js';
import { groupsHandlers } from './groups.js';
import { notesHandlers } from './notes.js';
import { activitiesHandlers } from './activities.js';
import { callsHandlers } from './calls.js';
import { conversationsHandlers } from './conversations.js';
import { remindersHandlers } from './reminders.js';
import { tasksHandlers } from './tasks.js';
import { giftsHandlers } from './gifts.js';
import { debtsHandlers } from './debts.js';
import { addressesHandlers } from './addresses.js';
import { contactFieldsHandlers } from './contactFields.js';
import { documentsHandlers } from './documents.js';
import { photosHandlers } from './photos.js';
import { companiesHandlers } from './companies.js';
import { occupationsHandlers } from './occupations.js';
import { journalEntriesHandlers } from './journalEntries.js';
import { userHandlers } from './user.js';
import { complianceHandlers } from './compliance.js';
import { auditLogsHandlers } from './auditLogs.js';
import { gendersHandlers } from './genders.js';
import { activityTypesHandlers } from './activityTypes.js';
import { activityTypeCategoriesHandlers } from './activityTypeCategories.js';
import { contactFieldTypesHandlers } from './contactFieldTypes.js';
import { relationshipTypesHandlers } from './relationshipTypes.js';
import { relationshipTypeGroupsHandlers } from './relationshipTypeGroups.js';
import { countriesHandlers } from './countries.js';
import { currenciesHandlers } from './currencies.js';
import { instanceHandlers } from './instance.js';
import { lifeEventsHandlers } from './lifeEvents.js';
import { petsHandlers } from './pets.js';
import { placesHandlers } from './places.js';

export const handlers: Handlers<Context> = {
  ...contactsHandlers,
  ...tagsHandlers,
  ...relationshipsHandlers,
  ...groupsHandlers,
  ...notesHandlers,
  ...activitiesHandlers,
  ...callsHandlers,
  ...conversationsHandlers,
  ...remindersHandlers,
  ...tasksHandlers,
  ...giftsHandlers,
  ...debtsHandlers,
  ...addressesHandlers,
  ...contactFieldsHandlers,
  ...documentsHandlers,
  ...photosHandlers,
  ...companiesHandlers,
  ...occupationsHandlers,
  ...journalEntriesHandlers,
  ...userHandlers,
  ...complianceHandlers,
  ...auditLogsHandlers,
  ...gendersHandlers,
  ...activityTypesHandlers,
  ...activityTypeCategoriesHandlers,
  ...contactFieldTypesHandlers,
  ...relationshipTypesHandlers,
  ...relationshipTypeGroupsHandlers,
  ...countriesHandlers,
  ...currenciesHandlers,
  ...instanceHandlers,
  ...lifeEventsHandlers,
  ...petsHandlers,
  ...placesHandlers,
};
