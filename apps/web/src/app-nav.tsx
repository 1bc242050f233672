import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { NavPage } from './app-header-model';

interface Props {
  pages: readonly NavPage[];
  className?: string;
  /** Names the landmark apart when the header and the menu each have one. */
  label?: string;
}

const LINKS: Record<NavPage, { to: string; label: string; testId?: string }> = {
  board: { to: '/', label: 'nav.board' },
  dashboard: { to: '/dashboard', label: 'dashboard.nav', testId: 'nav-dashboard' },
  reportingPeriods: { to: '/reporting-periods', label: 'progress.periods.nav', testId: 'nav-reporting-periods' },
  recurring: { to: '/recurring', label: 'series.nav', testId: 'nav-recurring' },
  import: { to: '/import', label: 'directiveImport.nav', testId: 'nav-import' },
  admin: { to: '/admin', label: 'admin.nav', testId: 'nav-admin' },
  accessLog: { to: '/access-log', label: 'accessLog.nav', testId: 'nav-access-log' },
  calendar: { to: '/calendar', label: 'calendar.nav', testId: 'nav-calendar' },
};

/** Links to the given pages (app-header-model decides which go in the header and which in the ☰ menu). */
export function AppNav({ pages, className, label }: Props) {
  const { t } = useTranslation();
  if (pages.length === 0) return null;
  return (
    <nav className={className ?? 'app-nav'} aria-label={label ?? t('app.name')}>
      {pages.map((page) => {
        const link = LINKS[page];
        return (
          <NavLink key={page} to={link.to} end={link.to === '/'} data-testid={link.testId}>
            {t(link.label)}
          </NavLink>
        );
      })}
    </nav>
  );
}
