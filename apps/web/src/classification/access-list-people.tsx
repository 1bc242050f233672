import type { AccessListDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';
import { sortAccessPeople } from './classification-model';
import { usePersonPlace } from './use-person-place';

/** Who is cleared for the item, as the Standing Committee and the inspector read it (the Office edits it). */
export function AccessListPeople({ users }: { users: AccessListDto['users'] }) {
  const { t } = useTranslation();
  const place = usePersonPlace();
  if (users.length === 0) return <p className="drawer-empty">{t('classification.access.empty')}</p>;
  return (
    <ul className="access-list" data-testid="access-list">
      {sortAccessPeople(users).map((u) => (
        <li key={u.id} className="access-person" data-testid="access-person" data-user-id={u.id}>
          <span className="access-person-name">
            {u.fullName} <span className="drawer-muted">({place(u)})</span>
          </span>
          <span className="drawer-muted">
            {t('classification.access.grantedAt', { date: formatDate(u.grantedAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
