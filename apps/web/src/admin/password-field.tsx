import { useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { StrengthMeter } from './strength-meter';
import { usePasswordCheck } from './use-password-check';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Typed in the same form (or the account's own): the policy refuses passwords holding them. */
  username?: string;
  fullName?: string;
  error?: string | null;
  inputRef?: RefObject<HTMLInputElement | null>;
}

/** A new password with its strength meter; never blocks submitting, since the server has the last word. */
export function PasswordField({ label, value, onChange, username, fullName, error, inputRef }: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const view = usePasswordCheck(value, username, fullName);
  const problemsId = useId();
  const errorId = useId();
  return (
    <div className="admin-password">
      <label className="dialog-field">
        {label}
        <input
          ref={inputRef}
          name="password"
          type={shown ? 'text' : 'password'}
          autoComplete="new-password"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${problemsId}` : problemsId}
        />
      </label>
      <label className="admin-check">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
        {t('admin.form.showPassword')}
      </label>
      {error && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
      <StrengthMeter view={view} problemsId={problemsId} />
    </div>
  );
}
