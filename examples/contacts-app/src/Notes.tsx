import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Note } from 'monica-api-contract';
import { createNoteMutation, deleteNoteMutation, listContactNotesOptions, updateNoteMutation } from 'monica-api-contract/query';
import { useClient } from './api.js';
import { ErrorMessages } from './ErrorMessages.js';
import { NoteForm } from './NoteForm.js';

/** A contact's notes: the list, a form for a new one, and edit and delete on each. */
export function Notes({ contactId }: { contactId: number }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const list = listContactNotesOptions({ client, path: { id: contactId } });
  const notes = useQuery(list);
  const refresh = () => queryClient.invalidateQueries({ queryKey: list.queryKey });
  const create = useMutation({ ...createNoteMutation({ client }), onSuccess: refresh });
  return (
    <section aria-labelledby="notes-heading">
      <h3 id="notes-heading">Notes</h3>
      <NoteForm
        contactId={contactId}
        label="New note"
        submitLabel="Add note"
        saving={create}
        onSave={(body) => create.mutateAsync({ body: { body, contact_id: contactId } })}
      />
      <ErrorMessages error={notes.error} />
      {notes.data?.data.length === 0 && <p className="muted">No notes yet.</p>}
      <ul className="notes">
        {notes.data?.data.map((note) => (
          <NoteItem key={note.id} note={note} contactId={contactId} onChanged={refresh} />
        ))}
      </ul>
    </section>
  );
}

function NoteItem({ note, contactId, onChanged }: { note: Note; contactId: number; onChanged: () => Promise<void> }) {
  const client = useClient();
  const [editing, setEditing] = useState(false);
  const update = useMutation({ ...updateNoteMutation({ client }), onSuccess: onChanged });
  const remove = useMutation({ ...deleteNoteMutation({ client }), onSuccess: onChanged });
  if (editing) {
    return (
      <li>
        <NoteForm
          contactId={contactId}
          label="Edit note"
          submitLabel="Save"
          initial={note.body}
          saving={update}
          // Monica un-favourites a note whose update leaves is_favorited out: it is sent as it was.
          onSave={(body) =>
            update.mutateAsync({ path: { id: note.id }, body: { body, contact_id: contactId, is_favorited: note.is_favorited } }).then(() => setEditing(false))
          }
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li className="note">
      <p>{note.body}</p>
      <ErrorMessages error={remove.error} />
      <div className="actions">
        <button type="button" onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" disabled={remove.isPending} onClick={() => remove.mutate({ path: { id: note.id } })}>
          Delete
        </button>
      </div>
    </li>
  );
}
