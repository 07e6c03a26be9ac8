import { useQuery } from '@tanstack/react-query';
import { getContactOptions } from 'monica-api-contract/query';
import { useClient } from './api.js';
import { ErrorMessages } from './ErrorMessages.js';
import { Notes } from './Notes.js';

/** One contact, with its notes. */
export function ContactPage({ id, onBack }: { id: number; onBack: () => void }) {
  const client = useClient();
  const contact = useQuery(getContactOptions({ client, path: { id } }));
  const data = contact.data?.data;
  return (
    <article>
      <button type="button" className="link" onClick={onBack}>
        ← All contacts
      </button>
      <ErrorMessages error={contact.error} />
      {contact.isPending && <p>Loading…</p>}
      {data && (
        <>
          <h2>{data.complete_name}</h2>
          {data.nickname && <p className="muted">“{data.nickname}”</p>}
          {data.description && <p>{data.description}</p>}
          {!data.is_partial && (data.information.career.job || data.information.career.company) && (
            <p>{[data.information.career.job, data.information.career.company].filter(Boolean).join(' at ')}</p>
          )}
          <Notes contactId={id} />
        </>
      )}
    </article>
  );
}
