// Life events: what happened in the lives of the account's contacts, each of one of the 43 global life event types.
import type { LifeEventCreate, LifeEventUpdate } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { notFound } from '../http/errors.js';
import { presentLifeEvents } from '../present/lifeEvents.js';
import {
  createLifeEvent,
  deleteLifeEvent,
  getLifeEvent,
  getLifeEventTypesByIds,
  listLifeEvents,
  updateLifeEvent,
  type LifeEventContent,
  type NewLifeEvent,
} from '../store/lifeEvents.js';
import { checkDay } from './checks.js';
import { findContactOr404 } from './contacts.js';
import { createHandler, deleteHandler, findOr404, getHandler, listHandler, presentInBatches, updateHandler } from './crud.js';
import { cleanText, toBool, toInt } from './input.js';

const lifeEvents = presentInBatches(presentLifeEvents);

/** The id of a life event type; one that names no type answers 404. */
function lifeEventTypeOr404(context: Context, value: unknown): number {
  const id = toInt(value) as number;
  if (!getLifeEventTypesByIds(context.db, [id]).has(id)) throw notFound();
  return id;
}

/** The day is checked first, as Monica validates before it looks anything up. (Monica answers 200, not 201.) */
function newLifeEventInput(body: LifeEventCreate, context: Context): NewLifeEvent {
  const happenedAt = checkDay('happened at', body.happened_at);
  const contact = findContactOr404(context, toInt(body.contact_id) as number);
  return {
    contact_id: contact.id,
    life_event_type_id: lifeEventTypeOr404(context, body.life_event_type_id),
    happened_at: happenedAt,
    name: cleanText(body.name),
    note: cleanText(body.note),
    has_reminder: toBool(body.has_reminder) === true,
    happened_at_month_unknown: toBool(body.happened_at_month_unknown) === true,
    happened_at_day_unknown: toBool(body.happened_at_day_unknown) === true,
  };
}

/** The event keeps its contact and its reminder. */
function lifeEventUpdateInput(body: LifeEventUpdate, context: Context, id: number): LifeEventContent {
  const happenedAt = checkDay('happened at', body.happened_at);
  findOr404(context, getLifeEvent, id);
  const type = lifeEventTypeOr404(context, body.life_event_type_id);
  return { life_event_type_id: type, happened_at: happenedAt, name: cleanText(body.name), note: cleanText(body.note) };
}

export const lifeEventsHandlers = {
  listLifeEvents: listHandler('listLifeEvents', listLifeEvents, lifeEvents.rows),
  createLifeEvent: createHandler('createLifeEvent', newLifeEventInput, createLifeEvent, lifeEvents.row),
  getLifeEvent: getHandler('getLifeEvent', getLifeEvent, lifeEvents.row),
  updateLifeEvent: updateHandler('updateLifeEvent', lifeEventUpdateInput, updateLifeEvent, lifeEvents.row),
  // The reminder the event added goes with it.
  deleteLifeEvent: deleteHandler('deleteLifeEvent', deleteLifeEvent),
} satisfies Partial<Handlers<Context>>;
