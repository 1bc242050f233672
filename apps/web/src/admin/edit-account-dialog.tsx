import type { AgencyDto, UserDto } from '@dondoc/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AccountFields } from './account-fields';
import {
  accountFormOf,
  accountFormProblems,
  updateAccountBody,
  type AccountFormProblems,
  type AccountFormValues,
} from './account-form-model';
import { AdminDialog } from './admin-dialog';
import { AdminErrorAlert } from './admin-error-alert';
import { useAccountMutations } from './use-account-mutations';

interface Props {
  user: UserDto;
  agencies: AgencyDto[];
  onClose: () => void;
  onSaved: (user: UserDto) => void;
}

/** Name, role, agency and e-mail of an existing account (the username never changes). */
export function EditAccountDialog({ user, agencies, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { update } = useAccountMutations();
  const [values, setValues] = useState<AccountFormValues>(() => accountFormOf(user));
  const [problems, setProblems] = useState<AccountFormProblems>({});
  const fullNameRef = useRef<HTMLInputElement>(null);
  const busy = update.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = accountFormProblems(values, 'edit');
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    update.mutate({ id: user.id, body: updateAccountBody(values) }, { onSuccess: onSaved });
  };

  return (
    <AdminDialog
      title={t('admin.form.editTitle', { username: user.username })}
      testId="edit-account-dialog"
      busy={busy}
      onClose={onClose}
      initialFocusRef={fullNameRef}
    >
      <form onSubmit={submit} noValidate>
        <AccountFields
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          problems={problems}
          agencies={agencies}
          fullNameRef={fullNameRef}
        />
        <AdminErrorAlert error={update.error} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('admin.form.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="account-submit" disabled={busy}>
            {busy ? t('admin.form.saving') : t('admin.form.save')}
          </button>
        </div>
      </form>
    </AdminDialog>
  );
}
