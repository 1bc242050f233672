import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { headerLayout } from './app-header-model';
import { AppMenu } from './app-menu';
import { AppNav } from './app-nav';
import { useAgencies } from './api/use-agencies';
import { useAuthActions } from './auth/use-auth-actions';
import { useSession } from './auth/use-session';
import { LanguageSwitch } from './common/language-switch';
import { useHeaderWidth } from './common/use-media-query';
import { useLiveStatus } from './live/live-status';
import { useLiveUpdates } from './live/use-live-updates';
import { NotificationsBell } from './notifications/notifications-bell';
import { useHasAgencySettings } from './people/agency-settings-dialog';

/**
 * The frame around every signed-in page: who is signed in, navigation, language, sign-out. The header stays one
 * line: on a small laptop the occasional page and the language move into a ☰ menu, on a phone everything but
 * the brand and the bell does (app-header-model). The menu also holds the agency settings.
 */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const { signOut } = useAuthActions();
  const { byId } = useAgencies();
  const live = useLiveStatus();
  const width = useHeaderWidth();
  const hasSettings = useHasAgencySettings();
  useLiveUpdates(Boolean(session));
  if (!session) return null;
  const { user } = session;
  const layout = headerLayout(user.role, width, hasSettings);
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
        <AppNav pages={layout.headerPages} />
        <div className="app-header-right">
          <span className={`live-dot ${live ? 'is-live' : ''}`} title={live ? t('live.connected') : t('live.polling')}>
            <span className="sr-only">{live ? t('live.connected') : t('live.polling')}</span>
          </span>
          {layout.who === 'header' && who}
          <NotificationsBell />
          {layout.language === 'header' && <LanguageSwitch />}
          {layout.signOut === 'header' && signOutButton}
          {layout.menu && (
            <AppMenu
              actions={
                (layout.language === 'menu' || layout.signOut === 'menu') && (
                  <>
                    {layout.language === 'menu' && <LanguageSwitch />}
                    {layout.signOut === 'menu' && signOutButton}
                  </>
                )
              }
            >
              {layout.who === 'menu' && who}
              <AppNav
                pages={layout.menuPages}
                className="app-nav app-menu-nav"
                label={layout.headerPages.length > 0 ? t('nav.more') : undefined}
              />
            </AppMenu>
          )}
        </div>
      </header>
      <main className="app-main" id="main-content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
