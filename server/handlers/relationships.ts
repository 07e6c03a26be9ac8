// Relationships between two contacts of the account, always stored both ways.
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { ApiError, internalError, notFound, validationFailed } from '../http/errors.js';
import { presentDeleted } from '../present/deleted.js';
import { presentRelationships } from '../present/relationships.js';
import { getRelationshipType } from '../store/relationshipTypes.js';
import {
  createRelationship,
  deleteRelationship,
  getRelationship,
  listRelationshipsOfContact,
  updateRelationshipType,
  type RelationshipFailure,
  type RelationshipResult,
  type RelationshipRow,
} from '../store/relationships.js';
import { findContactOr404 } from './contacts.js';
import { toInt } from './input.js';
import { nowOf, type Handler } from './shared.js';

/** A failed relationship write: an id naming nothing of the account is 404; a type without its reverse is a data bug. */
function relationshipFailure(failure: RelationshipFailure): ApiError {
  return failure === 'reverse_type' ? internalError() : notFound();
}

function unwrap(result: RelationshipResult): RelationshipRow {
  if ('failure' in result) throw relationshipFailure(result.failure);
  return result.row;
}

const presentOneRelationship = (context: Context, row: RelationshipRow) =>
  presentRelationships(context.db, context.caller.accountId, [row], context)[0]!;

const getRelationshipHandler: Handler<'getRelationship'> = ({ context, path }) => {
  const row = getRelationship(context.db, context.caller.accountId, path.id);
  if (!row) throw notFound();
  return { status: 200, body: { data: presentOneRelationship(context, row) } };
};

const listContactRelationshipsHandler: Handler<'listContactRelationships'> = ({ context, path }) => {
  findContactOr404(context, path.id);
  const rows = listRelationshipsOfContact(context.db, context.caller.accountId, path.id);
  return { status: 200, body: { data: presentRelationships(context.db, context.caller.accountId, rows, context) } };
};

const createRelationshipHandler: Handler<'createRelationship'> = ({ context, body }) => {
  const contactIs = toInt(body.contact_is) as number;
  const ofContact = toInt(body.of_contact) as number;
  const typeId = toInt(body.relationship_type_id) as number;
  findContactOr404(context, contactIs);
  findContactOr404(context, ofContact);
  if (!getRelationshipType(context.db, context.caller.accountId, typeId)) throw notFound();
  if (contactIs === ofContact) throw validationFailed(['The contact and the other contact must be different.']);
  const input = { contact_is: contactIs, of_contact: ofContact, relationship_type_id: typeId };
  const row = unwrap(createRelationship(context.db, context.caller.accountId, input, nowOf(context)));
  return { status: 201, body: { data: presentOneRelationship(context, row) } };
};

const updateRelationshipHandler: Handler<'updateRelationship'> = ({ context, path, body }) => {
  const typeId = toInt(body.relationship_type_id) as number;
  const row = unwrap(updateRelationshipType(context.db, context.caller.accountId, path.id, typeId, nowOf(context)));
  return { status: 200, body: { data: presentOneRelationship(context, row) } };
};

const deleteRelationshipHandler: Handler<'deleteRelationship'> = ({ context, path }) => {
  if (!deleteRelationship(context.db, context.caller.accountId, path.id)) throw notFound();
  return { status: 200, body: presentDeleted(path.id) };
};

export const relationshipsHandlers = {
  getRelationship: getRelationshipHandler,
  listContactRelationships: listContactRelationshipsHandler,
  createRelationship: createRelationshipHandler,
  updateRelationship: updateRelationshipHandler,
  deleteRelationship: deleteRelationshipHandler,
} satisfies Partial<Handlers<Context>>;
