import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/use-session';
import { BoardStatePanel } from '../board/board-state-panel';
import '../board/board.css';
import { ToastRegion } from '../transitions/toast-region';
import './dashboard.css';
import { DashboardLive } from './dashboard-live';
import { DashboardSnapshot } from './dashboard-snapshot';
import { SnapshotList } from './snapshot-list';
import { useDashboardParams } from './use-dashboard-params';

/** Mirrors the API's REPORT_READERS: asking for the reports as anyone else only earns a 403. */
const READERS = new Set(['office', 'standing_committee', 'inspector']);
/** Mirrors SNAPSHOT_WRITERS: the Inspection Committee reads but does not freeze. */
const FREEZERS = new Set(['office', 'standing_committee']);

/** The monitoring dashboard (route `/dashboard`): live or "as of" figures, frozen snapshots, exports. */
export function DashboardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { asOf, snapshotId, scope, alone, setAsOf, openSnapshot, closeSnapshot, setOrganisation, setAlone } =
    useDashboardParams();
  const role = session?.user.role;
  if (!role) return null;

  if (!READERS.has(role)) {
    return (
      <div className="dashboard" data-testid="dashboard" data-access="denied">
        <BoardStatePanel
          testId="dashboard-forbidden"
          role="alert"
          title={t('dashboard.forbidden.title')}
          hint={t('dashboard.forbidden.hint')}
        >
          <Link className="btn btn-primary" to="/">
            {t('dashboard.forbidden.back')}
          </Link>
        </BoardStatePanel>
      </div>
    );
  }

  return (
    <div className="dashboard" data-testid="dashboard" data-view={snapshotId ? 'snapshot' : 'live'}>
      {snapshotId ? (
        <DashboardSnapshot id={snapshotId} onClose={closeSnapshot} />
      ) : (
        <DashboardLive
          asOf={asOf}
          canFreeze={FREEZERS.has(role)}
          onAsOf={setAsOf}
          scope={scope}
          alone={alone}
          onOrganisation={setOrganisation}
          onAlone={setAlone}
        />
      )}
      <SnapshotList
        openId={snapshotId}
        onOpen={(id) => {
          openSnapshot(id);
          window.scrollTo({ top: 0, behavior: 'smooth' });
        }}
      />
      <ToastRegion />
    </div>
  );
}
