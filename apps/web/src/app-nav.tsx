import type { RoleName } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

interface Props {
  role: RoleName;
  className?: string;
}

/** The pages this role has: in the header on a wide screen, in the menu on a phone. */
export function AppNav({ role, className }: Props) {
  const { t } = useTranslation();
  return (
    <nav className={className ?? 'app-nav'} aria-label={t('app.name')}>
      {role !== 'admin' && (
        <NavLink to="/" end>
          {t('nav.board')}
        </NavLink>
      )}
      {(role === 'office' || role === 'standing_committee' || role === 'inspector') && (
        <NavLink to="/dashboard" data-testid="nav-dashboard">
          {t('dashboard.nav')}
        </NavLink>
      )}
      {(role === 'office' || role === 'standing_committee' || role === 'inspector') && (
        <NavLink to="/reporting-periods" data-testid="nav-reporting-periods">
          {t('progress.periods.nav')}
        </NavLink>
      )}
      {role === 'office' && (
        <NavLink to="/import" data-testid="nav-import">
          {t('directiveImport.nav')}
        </NavLink>
      )}
      {role === 'admin' && (
        <NavLink to="/admin" data-testid="nav-admin">
          {t('admin.nav')}
        </NavLink>
      )}
    </nav>
  );
}
