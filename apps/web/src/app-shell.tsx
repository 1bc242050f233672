import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppMenu } from './app-menu';
import { AppNav } from './app-nav';
import { useAgencies } from './api/use-agencies';
import { useAuthActions } from './auth/use-auth-actions';
import { useSession } from './auth/use-session';
import { LanguageSwitch } from './common/language-switch';
import { useIsNarrow } from './common/use-media-query';
import { useLiveStatus } from './live/live-status';
import { useLiveUpdates } from './live/use-live-updates';
import { NotificationsBell } from './notifications/notifications-bell';

/**
 * The frame around every signed-in page: who is signed in, navigation, language, sign-out. On a phone the
 * brand, the bell and a ☰ menu stay in the header; the rest is in the menu.
 */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const { signOut } = useAuthActions();
  const { byId } = useAgencies();
  const live = useLiveStatus();
  const narrow = useIsNarrow();
  useLiveUpdates(Boolean(session));
  if (!session) return null;
  const { user } = session;
  const agency = user.agencyId ? byId.get(user.agencyId)?.name : undefined;

  const who = (
    <div className="who" data-testid="current-user">
      <strong>{user.fullName}</strong>
      <span>{agency ?? t(`roles.${user.role}`)}</span>
    </div>
  );
  const signOutButton = (
    <button type="button" className="btn btn-ghost" data-testid="sign-out" onClick={() => void signOut()}>
      {t('auth.signOut')}
    </button>
  );

  return (
    <div className="app">
      <a className="skip-link" href="#main-content" data-testid="skip-link">
        {t('app.skipToMain')}
      </a>
      <header className="app-header" data-testid="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            ĐĐ
          </span>
          <span className="brand-name">{t('app.name')}</span>
        </div>
        {!narrow && <AppNav role={user.role} />}
        <div className="app-header-right">
          <span className={`live-dot ${live ? 'is-live' : ''}`} title={live ? t('live.connected') : t('live.polling')}>
            <span className="sr-only">{live ? t('live.connected') : t('live.polling')}</span>
          </span>
          {!narrow && who}
          <NotificationsBell />
          {narrow ? (
            <AppMenu>
              {who}
              <AppNav role={user.role} className="app-nav app-menu-nav" />
              <div className="app-menu-actions">
                <LanguageSwitch />
                {signOutButton}
              </div>
            </AppMenu>
          ) : (
            <>
              <LanguageSwitch />
              {signOutButton}
            </>
          )}
        </div>
      </header>
      <main className="app-main" id="main-content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
