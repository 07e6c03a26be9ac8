// Relationships between two contacts of the account, always stored both ways.
import type { RelationshipCreate } from '../../generated/client/types.gen.js';
import type { Handlers } from '../../generated/server/handlers.gen.js';
import type { Context } from '../context.js';
import { ApiError, internalError, notFound, validationFailed } from '../http/errors.js';
import { presentRelationships } from '../present/relationships.js';
import type { Db } from '../store/db.js';
import { getRelationshipType } from '../store/relationshipTypes.js';
import {
  createRelationship,
  deleteRelationship,
  getRelationship,
  listRelationshipsOfContact,
  updateRelationshipType,
  type RelationshipFailure,
  type RelationshipInput,
  type RelationshipResult,
  type RelationshipRow,
} from '../store/relationships.js';
import { findContactOr404 } from './contacts.js';
import { createHandler, deleteHandler, getHandler, presentInBatches, updateHandler } from './crud.js';
import { toInt } from './input.js';
import type { Handler } from './shared.js';

/** A failed relationship write: an id naming nothing of the account is 404; a type without its reverse is a data bug. */
function relationshipFailure(failure: RelationshipFailure): ApiError {
  return failure === 'reverse_type' ? internalError() : notFound();
}

function unwrap(result: RelationshipResult): RelationshipRow {
  if ('failure' in result) throw relationshipFailure(result.failure);
  return result.row;
}

const createOrFail = (db: Db, accountId: number, input: RelationshipInput, now: string) => unwrap(createRelationship(db, accountId, input, now));
const retypeOrFail = (db: Db, accountId: number, id: number, typeId: number, now: string) =>
  unwrap(updateRelationshipType(db, accountId, id, typeId, now));

const relationships = presentInBatches(presentRelationships);

/** Both contacts and the type must be the account's (404); a contact cannot be related to itself (422). */
function relationshipInput(body: RelationshipCreate, context: Context): RelationshipInput {
  const contactIs = toInt(body.contact_is) as number;
  const ofContact = toInt(body.of_contact) as number;
  const typeId = toInt(body.relationship_type_id) as number;
  findContactOr404(context, contactIs);
  findContactOr404(context, ofContact);
  if (!getRelationshipType(context.db, context.caller.accountId, typeId)) throw notFound();
  if (contactIs === ofContact) throw validationFailed(['The contact and the other contact must be different.']);
  return { contact_is: contactIs, of_contact: ofContact, relationship_type_id: typeId };
}

const listContactRelationshipsHandler: Handler<'listContactRelationships'> = ({ context, path }) => {
  findContactOr404(context, path.id);
  const rows = listRelationshipsOfContact(context.db, context.caller.accountId, path.id);
  return { status: 200, body: { data: relationships.rows(rows, context) } };
};

export const relationshipsHandlers = {
  getRelationship: getHandler('getRelationship', getRelationship, relationships.row),
  listContactRelationships: listContactRelationshipsHandler,
  createRelationship: createHandler('createRelationship', relationshipInput, createOrFail, relationships.row),
  updateRelationship: updateHandler('updateRelationship', (body) => toInt(body.relationship_type_id) as number, retypeOrFail, relationships.row),
  deleteRelationship: deleteHandler('deleteRelationship', deleteRelationship),
} satisfies Partial<Handlers<Context>>;
