import { useState } from 'react';
import { displayDate, parseDisplayDate } from './date-text';

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
  id?: string;
  name?: string;
  required?: boolean;
  describedBy?: string;
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
        id={props.id}
        name={props.name}
        aria-label={props.id ? undefined : props.label}
        aria-describedby={props.describedBy}
        aria-required={props.required || undefined}
        autoComplete="off"
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
