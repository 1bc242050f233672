import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/use-session';
import { BoardStatePanel } from '../board/board-state-panel';
import '../board/board.css';
import './admin.css';
import { AccountsPanel } from './accounts-panel';
import { AgenciesPanel } from './agencies-panel';
import { CommitteesPanel } from './committees-panel';

/**
 * "Quản trị" (route `/admin`, administrators only): the committees below, accounts, then agencies and their
 * official order. Loaded on demand: the password meter brings zxcvbn-ts
 * and its dictionaries (~1 MB), which no other page needs.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  const role = session?.user.role;
  if (!role) return null;

  // Asked of the API, the list would only earn a 403: say plainly that the page is not for this account.
  if (role !== 'admin') {
    return (
      <div className="admin-page" data-testid="admin-page" data-access="denied">
        <BoardStatePanel
          testId="admin-forbidden"
          role="alert"
          title={t('admin.forbidden.title')}
          hint={t('admin.forbidden.hint')}
        >
          <Link className="btn btn-primary" to="/">
            {t('admin.forbidden.back')}
          </Link>
        </BoardStatePanel>
      </div>
    );
  }

  return (
    <div className="admin-page" data-testid="admin-page">
      <header className="admin-header">
        <h1>{t('admin.title')}</h1>
        <p className="hint">{t('admin.intro')}</p>
      </header>
      <CommitteesPanel />
      <AccountsPanel />
      <AgenciesPanel />
    </div>
  );
}
