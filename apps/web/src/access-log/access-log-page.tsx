import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/use-session';
import { BoardStatePanel } from '../board/board-state-panel';
import '../board/board.css';
import { mayReadAccessLog } from './access-log-model';
import { AccessLogView } from './access-log-view';
import './access-log.css';

/** "Nhật ký truy cập" (route `/access-log`): the inspector's and the administrator's; anyone else is told so. */
export function AccessLogPage() {
  const { t } = useTranslation();
  const role = useSession()?.user.role;
  if (!role) return null;
  // Asked of the API, the log would only earn a 403: say plainly that the page is not for this account.
  if (!mayReadAccessLog(role)) {
    return (
      <div className="access-log-page" data-testid="access-log-page" data-access="denied">
        <BoardStatePanel
          testId="access-log-forbidden"
          role="alert"
          title={t('accessLog.forbidden.title')}
          hint={t('accessLog.forbidden.hint')}
        >
          <Link className="btn btn-primary" to="/">
            {t('accessLog.forbidden.back')}
          </Link>
        </BoardStatePanel>
      </div>
    );
  }
  return <AccessLogView role={role} />;
}
