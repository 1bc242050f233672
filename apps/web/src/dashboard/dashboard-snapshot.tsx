import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { BoardStatePanel } from '../board/board-state-panel';
import { formatDate, formatDateTime } from '../common/format';
import { DashboardBody } from './dashboard-body';
import { useSnapshot } from './use-snapshot';

interface Props {
  id: string;
  onClose: () => void;
}

/** A frozen snapshot, read-only: its figures as stored, with who froze them and when. */
export function DashboardSnapshot({ id, onClose }: Props) {
  const { t } = useTranslation();
  const query = useSnapshot(id);
  const back = (
    <button type="button" className="btn" data-testid="snapshot-close" onClick={onClose}>
      {t('dashboard.snapshots.back')}
    </button>
  );

  if (query.isPending) return <BoardStatePanel testId="dashboard-loading" title={t('dashboard.states.loading')} />;
  if (query.isError) {
    const missing = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <BoardStatePanel
        testId="dashboard-error"
        role="alert"
        title={missing ? t('dashboard.snapshots.notFound') : t('dashboard.states.errorTitle')}
        hint={missing ? t('dashboard.snapshots.notFoundHint') : t('dashboard.states.errorHint')}
      >
        <div className="state-actions">
          {!missing && (
            <button type="button" className="btn" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </button>
          )}
          {back}
        </div>
      </BoardStatePanel>
    );
  }

  const s = query.data;
  return (
    <>
      <header className="dash-header">
        <div>
          <h1>{t('dashboard.title')}</h1>
        </div>
      </header>
      <div className="snapshot-banner" role="note" data-testid="snapshot-banner">
        <div>
          <strong>{t('dashboard.snapshots.banner', { title: s.title })}</strong>
          <span>
            {t('dashboard.snapshots.bannerMeta', {
              asOf: formatDate(s.asOf),
              at: formatDateTime(s.createdAt),
              who: s.createdBy.fullName ?? t('dashboard.snapshots.unknownUser'),
            })}
          </span>
          <span>{t('dashboard.snapshots.noChart')}</span>
        </div>
        {back}
      </div>
      <DashboardBody data={s.figures} trend={null} />
    </>
  );
}
