interface Props {
  value: string;
  onChange: (value: string) => void;
  required: boolean;
  label: string;
  error: string | null;
  autoFocus?: boolean;
}

export function CommentField({ value, onChange, required, label, error, autoFocus }: Props) {
  return (
    <label className="dialog-field">
      <span>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </span>
      <textarea
        name="comment"
        rows={3}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'transition-comment-error' : undefined}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <span className="field-error" id="transition-comment-error">
          {error}
        </span>
      )}
    </label>
  );
}
