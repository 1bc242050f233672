import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { useAgencies } from './api/use-agencies';
import { useAuthActions } from './auth/use-auth-actions';
import { useSession } from './auth/use-session';
import { LanguageSwitch } from './common/language-switch';
import { useLiveStatus } from './live/live-status';
import { useLiveUpdates } from './live/use-live-updates';
import { NotificationsBell } from './notifications/notifications-bell';

/** The frame around every signed-in page: who is signed in, navigation, language, sign-out. */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const { signOut } = useAuthActions();
  const { byId } = useAgencies();
  const live = useLiveStatus();
  useLiveUpdates(Boolean(session));
  if (!session) return null;
  const { user } = session;
  const agency = user.agencyId ? byId.get(user.agencyId)?.name : undefined;

  return (
    <div className="app">
      <a className="skip-link" href="#main-content" data-testid="skip-link">
        {t('app.skipToMain')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ĐĐ
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        <nav className="app-nav" aria-label={t('app.name')}>
          {user.role !== 'admin' && (
            <NavLink to="/" end>
              {t('nav.board')}
            </NavLink>
          )}
          {(user.role === 'office' || user.role === 'standing_committee' || user.role === 'inspector') && (
            <NavLink to="/dashboard" data-testid="nav-dashboard">
              {t('dashboard.nav')}
            </NavLink>
          )}
          {user.role === 'office' && (
            <NavLink to="/import" data-testid="nav-import">
              {t('directiveImport.nav')}
            </NavLink>
          )}
          {user.role === 'admin' && (
            <NavLink to="/admin" data-testid="nav-admin">
              {t('admin.nav')}
            </NavLink>
          )}
        </nav>
        <div className="app-header-right">
          <span className={`live-dot ${live ? 'is-live' : ''}`} title={live ? t('live.connected') : t('live.polling')}>
            <span className="sr-only">{live ? t('live.connected') : t('live.polling')}</span>
          </span>
          <div className="who" data-testid="current-user">
            <strong>{user.fullName}</strong>
            <span>{agency ?? t(`roles.${user.role}`)}</span>
          </div>
          <NotificationsBell />
          <LanguageSwitch />
          <button type="button" className="btn btn-ghost" data-testid="sign-out" onClick={() => void signOut()}>
            {t('auth.signOut')}
          </button>
        </div>
      </header>
      <main className="app-main" id="main-content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
