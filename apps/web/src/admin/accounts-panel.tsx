import type { UserDto } from '@dondoc/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/use-session';
import { BoardStatePanel } from '../board/board-state-panel';
import { AccountsTable } from './accounts-table';
import { AdminErrorAlert } from './admin-error-alert';
import { CreateAccountDialog } from './create-account-dialog';
import { EditAccountDialog } from './edit-account-dialog';
import { ResetPasswordDialog } from './reset-password-dialog';
import { useAccountMutations } from './use-account-mutations';
import { useAdminAgencies } from './use-admin-agencies';
import { useAdminUsers } from './use-admin-users';

type OpenDialog = { kind: 'create' } | { kind: 'edit'; user: UserDto } | { kind: 'reset'; user: UserDto } | null;

/** The accounts: the list, and the dialogs that create, edit and reset them; enable/disable is in the row. */
export function AccountsPanel() {
  const { t } = useTranslation();
  const users = useAdminUsers();
  const selfId = useSession()?.user.id ?? null;
  const { agencies, byId } = useAdminAgencies();
  const { update } = useAccountMutations();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState('');
  const sorted = useMemo(
    () => [...(users.data ?? [])].sort((a, b) => a.username.localeCompare(b.username, 'vi')),
    [users.data],
  );

  const close = () => setDialog(null);
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };
  const toggleActive = (user: UserDto) => {
    const active = user.active === false;
    setNotice('');
    update.mutate(
      { id: user.id, body: { active } },
      {
        onSuccess: () =>
          setNotice(t(active ? 'admin.done.enabled' : 'admin.done.disabled', { username: user.username })),
      },
    );
  };

  return (
    <section className="admin-accounts" aria-labelledby="admin-accounts-title">
      <div className="admin-toolbar">
        <h2 id="admin-accounts-title">
          {users.data ? t('admin.count', { count: users.data.length }) : t('admin.columns.username')}
        </h2>
        <button
          type="button"
          className="btn btn-primary"
          data-testid="account-create"
          onClick={() => {
            setNotice('');
            setDialog({ kind: 'create' });
          }}
        >
          {t('admin.actions.create')}
        </button>
      </div>
      <p className="admin-notice" role="status" data-testid="admin-notice">
        {notice}
      </p>
      <AdminErrorAlert error={update.error} testId="admin-toggle-error" />

      {users.isPending && <BoardStatePanel testId="accounts-loading" title={t('admin.loading')} />}
      {users.isError && (
        <BoardStatePanel testId="accounts-error" role="alert" title={t('admin.errors.loadTitle')}>
          <AdminErrorAlert error={users.error} />
          <button type="button" className="btn" onClick={() => void users.refetch()}>
            {t('common.retry')}
          </button>
        </BoardStatePanel>
      )}
      {users.data &&
        (sorted.length === 0 ? (
          <BoardStatePanel testId="accounts-empty" title={t('admin.empty')} />
        ) : (
          <AccountsTable
            users={sorted}
            agencies={byId}
            busyId={update.isPending ? (update.variables?.id ?? null) : null}
            selfId={selfId}
            onEdit={(user) => setDialog({ kind: 'edit', user })}
            onResetPassword={(user) => setDialog({ kind: 'reset', user })}
            onToggleActive={toggleActive}
          />
        ))}

      {dialog?.kind === 'create' && (
        <CreateAccountDialog
          agencies={agencies}
          onClose={close}
          onCreated={(user) => done(t('admin.done.created', { username: user.username }))}
        />
      )}
      {dialog?.kind === 'edit' && (
        <EditAccountDialog
          user={dialog.user}
          agencies={agencies}
          onClose={close}
          onSaved={(user) => done(t('admin.done.updated', { username: user.username }))}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ResetPasswordDialog
          user={dialog.user}
          onClose={close}
          onDone={(user) => done(t('admin.done.reset', { username: user.username }))}
        />
      )}
    </section>
  );
}
