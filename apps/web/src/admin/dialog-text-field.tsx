import { useId, type Ref } from 'react';

interface Props {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** The problem found, shown in place of the hint. */
  error?: string;
  /** Shown under the field while there is no problem. */
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Codes and usernames: no spelling marks. */
  spellCheck?: boolean;
}

/** A labelled text field of the administrator's dialogs, with its hint or its problem tied to it for readers. */
export function DialogTextField({ label, name, value, onChange, error, hint, inputRef, spellCheck }: Props) {
  const noteId = useId();
  const note = error ?? hint;
  return (
    <label className="dialog-field">
      {label}
      <input
        ref={inputRef}
        name={name}
        autoComplete="off"
        spellCheck={spellCheck}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={note ? noteId : undefined}
      />
      {note && (
        <span id={noteId} className={error ? 'field-error' : 'hint'}>
          {note}
        </span>
      )}
    </label>
  );
}
