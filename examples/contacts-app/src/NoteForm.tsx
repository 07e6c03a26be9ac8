import { useState, type FormEvent } from 'react';
import { zNoteWrite } from 'monica-api-contract/zod';
import { ErrorMessages } from './ErrorMessages.js';

interface NoteFormProps {
  contactId: number;
  label: string;
  submitLabel: string;
  initial?: string;
  /** The save's state (a TanStack Query mutation): whether it runs, and the failed save's error, shown under the form. */
  saving: { isPending: boolean; error: unknown };
  /** Saves the text; resolves once saved. */
  onSave: (body: string) => Promise<unknown>;
  onCancel?: () => void;
}

/** A note's text, checked with the contract's own schema before it is sent. */
export function NoteForm({ contactId, label, submitLabel, initial = '', saving, onSave, onCancel }: NoteFormProps) {
  const [body, setBody] = useState(initial);
  const [problem, setProblem] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!zNoteWrite.safeParse({ body, contact_id: contactId }).success) {
      setProblem('Write something first.');
      return;
    }
    setProblem(undefined);
    try {
      await onSave(body);
      if (!initial) setBody('');
    } catch {
      // The error is the mutation's, shown below.
    }
  };
  return (
    <form onSubmit={submit} className="note-form">
      <label>
        {label}
        <textarea value={body} rows={3} onChange={(e) => setBody(e.target.value)} />
      </label>
      {problem && <p role="alert" className="error">{problem}</p>}
      <ErrorMessages error={saving.error} />
      <div className="actions">
        <button type="submit" disabled={saving.isPending}>
          {saving.isPending ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
