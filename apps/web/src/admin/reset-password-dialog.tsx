import type { UserDto } from '@dondoc/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminDialog } from './admin-dialog';
import { AdminErrorAlert } from './admin-error-alert';
import { PasswordField } from './password-field';
import { useAccountMutations } from './use-account-mutations';

interface Props {
  user: UserDto;
  onClose: () => void;
  onDone: (user: UserDto) => void;
}

/** A new password set by the administrator; the meter judges it against this account's name and username. */
export function ResetPasswordDialog({ user, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { resetPassword } = useAccountMutations();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const busy = resetPassword.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMissing(password.length === 0);
    if (password.length === 0) return;
    resetPassword.mutate({ id: user.id, password }, { onSuccess: () => onDone(user) });
  };

  return (
    <AdminDialog
      title={t('admin.form.resetTitle', { username: user.username })}
      testId="reset-password-dialog"
      busy={busy}
      onClose={onClose}
      initialFocusRef={passwordRef}
    >
      <form onSubmit={submit} noValidate>
        <p className="hint">{t('admin.form.resetHint')}</p>
        <PasswordField
          label={t('admin.form.newPassword')}
          value={password}
          onChange={setPassword}
          username={user.username}
          fullName={user.fullName}
          error={missing ? t('admin.form.required', { field: t('admin.form.newPassword') }) : null}
          inputRef={passwordRef}
        />
        <AdminErrorAlert error={resetPassword.error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('admin.form.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="account-submit" disabled={busy}>
            {busy ? t('admin.form.saving') : t('admin.form.reset')}
          </button>
        </div>
      </form>
    </AdminDialog>
  );
}
