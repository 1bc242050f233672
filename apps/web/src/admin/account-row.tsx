import type { AgencyDto, UserDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';

interface Props {
  user: UserDto;
  agency: AgencyDto | undefined;
  /** Its enable/disable is on its way to the server. */
  busy: boolean;
  /** The signed-in administrator's own row: the server refuses to disable it (409), so no button offers it. */
  self: boolean;
  onEdit: (user: UserDto) => void;
  onResetPassword: (user: UserDto) => void;
  onToggleActive: (user: UserDto) => void;
}

export function AccountRow({ user, agency, busy, self, onEdit, onResetPassword, onToggleActive }: Props) {
  const { t } = useTranslation();
  // Accounts listed before `active` existed in the answer are active.
  const active = user.active !== false;
  const named = (action: string) => t('admin.actions.rowLabel', { action, username: user.username });
  const toggle = active ? t('admin.actions.disable') : t('admin.actions.enable');
  return (
    <tr
      data-testid={`account-row-${user.username}`}
      data-active={String(active)}
      className={active ? undefined : 'is-disabled'}
    >
      <td className="admin-username">{user.username}</td>
      <td>{user.fullName}</td>
      <td>{t(`roles.${user.role}`)}</td>
      <td>{agency?.name ?? '—'}</td>
      <td className="admin-email">{user.email ?? '—'}</td>
      <td>
        <span className={`admin-status ${active ? 'is-active' : 'is-off'}`} data-testid="account-status">
          {active ? t('admin.status.active') : t('admin.status.disabled')}
        </span>
      </td>
      <td>
        <div className="admin-actions">
          <button
            type="button"
            className="btn"
            data-testid="account-edit"
            aria-label={named(t('admin.actions.edit'))}
            onClick={() => onEdit(user)}
          >
            {t('admin.actions.edit')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="account-reset-password"
            aria-label={named(t('admin.actions.resetPassword'))}
            onClick={() => onResetPassword(user)}
          >
            {t('admin.actions.resetPassword')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="account-toggle-active"
            aria-label={named(toggle)}
            disabled={busy || (self && active)}
            title={self && active ? t('admin.actions.selfDisableHint') : undefined}
            onClick={() => onToggleActive(user)}
          >
            {busy ? t('admin.form.saving') : toggle}
          </button>
        </div>
      </td>
    </tr>
  );
}
