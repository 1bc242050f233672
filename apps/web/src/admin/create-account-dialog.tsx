import type { AgencyDto, UserDto } from '@dondoc/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountFields } from './account-fields';
import {
  accountFormProblems,
  createAccountBody,
  emptyAccountForm,
  type AccountFormProblems,
  type AccountFormValues,
} from './account-form-model';
import { AdminDialog } from './admin-dialog';
import { AdminErrorAlert } from './admin-error-alert';
import { PasswordField } from './password-field';
import { useAccountMutations } from './use-account-mutations';

interface Props {
  agencies: AgencyDto[];
  onClose: () => void;
  onCreated: (user: UserDto) => void;
}

/** A new account. A refusal (weak password, taken username) is shown here and everything typed stays. */
export function CreateAccountDialog({ agencies, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { create } = useAccountMutations();
  const [values, setValues] = useState<AccountFormValues>(emptyAccountForm);
  const [problems, setProblems] = useState<AccountFormProblems>({});
  const usernameRef = useRef<HTMLInputElement>(null);
  const usernameHintId = useId();
  const busy = create.isPending;
  const change = (patch: Partial<AccountFormValues>) => setValues((v) => ({ ...v, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = accountFormProblems(values, 'create');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    create.mutate(createAccountBody(values), { onSuccess: onCreated });
  };

  return (
    <AdminDialog
      title={t('admin.form.createTitle')}
      testId="create-account-dialog"
      busy={busy}
      onClose={onClose}
      initialFocusRef={usernameRef}
    >
      <form onSubmit={submit} noValidate>
        <label className="dialog-field">
          {t('admin.form.username')}
          <input
            ref={usernameRef}
            name="username"
            autoComplete="off"
            spellCheck={false}
            value={values.username}
            onChange={(e) => change({ username: e.target.value })}
            aria-invalid={problems.username ? true : undefined}
            aria-describedby={usernameHintId}
          />
          <span id={usernameHintId} className={problems.username ? 'field-error' : 'hint'}>
            {problems.username
              ? t('admin.form.required', { field: t('admin.form.username') })
              : t('admin.form.usernameHint')}
          </span>
        </label>
        <AccountFields values={values} onChange={change} problems={problems} agencies={agencies} />
        <PasswordField
          label={t('admin.form.password')}
          value={values.password}
          onChange={(password) => change({ password })}
          username={values.username}
          fullName={values.fullName}
          error={problems.password ? t('admin.form.required', { field: t('admin.form.password') }) : null}
        />
        <AdminErrorAlert error={create.error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('admin.form.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="account-submit" disabled={busy}>
            {busy ? t('admin.form.saving') : t('admin.form.create')}
          </button>
        </div>
      </form>
    </AdminDialog>
  );
}
