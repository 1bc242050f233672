import { useState } from 'react';

/** dd/mm/yyyy → YYYY-MM-DD, or null when the text is not a real date. */
export function parseDisplayDate(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function displayDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/**
 * A date typed as dd/mm/yyyy (what Vietnamese offices write), kept as ISO in state. While the text is not a
 * date the field says so and reports `valid: false`, so the form can refuse to submit.
 */
export function DateField(props: {
  value: string | null;
  onChange: (iso: string | null, valid: boolean) => void;
  label: string;
  placeholder: string;
  invalidText: string;
  testId?: string;
}) {
  const [text, setText] = useState(displayDate(props.value));
  const [lastValue, setLastValue] = useState(props.value);
  if (props.value !== lastValue) {
    // Changed from outside (a reset): show the new value.
    setLastValue(props.value);
    if (parseDisplayDate(text) !== props.value) setText(displayDate(props.value));
  }
  const invalid = text.trim() !== '' && parseDisplayDate(text) === null;
  return (
    <span className="date-field">
      <input
        type="text"
        inputMode="numeric"
        aria-label={props.label}
        placeholder={props.placeholder}
        value={text}
        aria-invalid={invalid || undefined}
        title={invalid ? props.invalidText : undefined}
        data-testid={props.testId}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const iso = next.trim() === '' ? null : parseDisplayDate(next);
          const valid = next.trim() === '' || iso !== null;
          if (valid) setLastValue(iso);
          props.onChange(valid ? iso : props.value, valid);
        }}
      />
      {invalid && <span className="field-error">{props.invalidText}</span>}
    </span>
  );
}
