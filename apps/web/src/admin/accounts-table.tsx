import type { AgencyDto, UserDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { AccountRow } from './account-row';

interface Props {
  users: UserDto[];
  agencies: Map<string, AgencyDto>;
  busyId: string | null;
  /** The signed-in administrator. */
  selfId: string | null;
  onEdit: (user: UserDto) => void;
  onResetPassword: (user: UserDto) => void;
  onToggleActive: (user: UserDto) => void;
}

const COLUMNS = ['username', 'fullName', 'role', 'agency', 'email', 'status', 'actions'] as const;

export function AccountsTable({ users, agencies, busyId, selfId, ...actions }: Props) {
  const { t } = useTranslation();
  return (
    <div className="admin-table-wrap">
      <table className="admin-table" data-testid="accounts-table">
        <caption className="sr-only">{t('admin.title')}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {t(`admin.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <AccountRow
              key={u.id}
              user={u}
              agency={u.agencyId ? agencies.get(u.agencyId) : undefined}
              busy={busyId === u.id}
              self={selfId === u.id}
              {...actions}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
