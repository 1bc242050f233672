import type { ReportAgencyRow } from '@dondoc/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { BoardStatePanel } from '../board/board-state-panel';
import { useToday } from '../board/use-today';
import { formatDate, formatDateTime } from '../common/format';
import { CompletionChart } from './completion-chart';
import { DashboardBody } from './dashboard-body';
import { DashboardToolbar } from './dashboard-toolbar';
import { fileDay } from './file-day';
import { FreezeForm } from './freeze-form';
import { OrganisationPicker } from './organisation-picker';
import { OrganisationTable } from './organisation-table';
import { useDashboardData } from './use-dashboard-data';
import type { OrganisationScope } from './use-dashboard-params';
import { useReportDownload } from './use-report-download';

interface Props {
  asOf: string;
  canFreeze: boolean;
  onAsOf: (day: string) => void;
  /** The committee whose figures, and the controls that choose it. */
  scope?: OrganisationScope;
  alone?: boolean;
  onOrganisation?: (organisationId: string) => void;
  onAlone?: (alone: boolean) => void;
}

/** Today's figures, or the figures at the end of a chosen day, of a committee, with freezing and exports. */
export function DashboardLive({
  asOf,
  canFreeze,
  onAsOf,
  scope = {},
  alone = false,
  onOrganisation = () => undefined,
  onAlone = () => undefined,
}: Props) {
  const { t } = useTranslation();
  const today = useToday();
  // A day after today has no figures (the API refuses it): say so here instead of asking.
  const future = Boolean(asOf) && asOf > today;
  const query = useDashboardData(asOf, !future, scope);
  const downloads = useReportDownload();
  const [freezing, setFreezing] = useState(false);
  const { data, error } = query;

  const urge = (row: ReportAgencyRow) =>
    void downloads.download(
      `urging-${row.agencyId}`,
      '/reports/urging-letter.docx',
      { agencyId: row.agencyId, asOf: asOf || undefined },
      t('dashboard.exports.fileUrging', { agency: row.agencyName, date: fileDay(asOf || today) }),
    );

  const backToLive = (
    <button type="button" className="btn" onClick={() => onAsOf('')}>
      {t('dashboard.snapshots.back')}
    </button>
  );
  let content;
  if (future) {
    content = (
      <BoardStatePanel
        testId="dashboard-error"
        role="alert"
        title={t('dashboard.states.errorTitle')}
        hint={t('dashboard.states.futureDay', { date: formatDate(asOf), today: formatDate(today) })}
      >
        {backToLive}
      </BoardStatePanel>
    );
  } else if (error && !query.isFetching && (!data || query.isPlaceholder)) {
    // A 400 is about the parameters (a stale link): asking again will not help, going live will.
    const badRequest = error instanceof ApiError && error.status === 400;
    content = (
      <BoardStatePanel
        testId="dashboard-error"
        role="alert"
        title={t('dashboard.states.errorTitle')}
        hint={badRequest ? t('dashboard.states.badRequest') : t('dashboard.states.errorHint')}
      >
        {badRequest ? (
          backToLive
        ) : (
          <button type="button" className="btn" onClick={query.refetch}>
            {t('common.retry')}
          </button>
        )}
      </BoardStatePanel>
    );
  } else if (!data) {
    content = <BoardStatePanel testId="dashboard-loading" title={t('dashboard.states.loading')} />;
  } else if (data.summary.figures.total === 0) {
    content = (
      <BoardStatePanel
        testId="dashboard-empty"
        title={t('dashboard.states.empty')}
        hint={t('dashboard.states.emptyHint')}
      />
    );
  } else {
    content = (
      <DashboardBody
        data={data}
        trend={<CompletionChart until={asOf || today} scope={scope} />}
        onUrge={urge}
        urgingAgencyId={downloads.busy?.startsWith('urging-') ? downloads.busy.slice('urging-'.length) : null}
      />
    );
  }

  return (
    <>
      <header className="dash-header">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="dash-subtitle" data-testid="dashboard-subtitle">
            {asOf
              ? t('dashboard.subtitleAsOf', { date: formatDate(asOf) })
              : data
                ? t('dashboard.subtitleLive', { time: formatDateTime(data.summary.generatedAt) })
                : ' '}
            {data && (query.isFetching || query.refreshing) && (
              <span className="refreshing" aria-live="polite" data-testid="dashboard-refreshing">
                {' '}
                {t(query.refreshing ? 'dashboard.states.recomputing' : 'dashboard.states.refreshing')}
              </span>
            )}
          </p>
        </div>
        <DashboardToolbar
          asOf={asOf}
          today={today}
          canFreeze={canFreeze}
          freezing={freezing}
          onAsOf={onAsOf}
          onFreeze={() => setFreezing((v) => !v)}
          downloads={downloads}
        />
      </header>
      {freezing && (
        <FreezeForm asOf={asOf} today={today} onDone={() => setFreezing(false)} onCancel={() => setFreezing(false)} />
      )}
      <OrganisationPicker
        value={scope.organisationId ?? ''}
        alone={alone}
        onChange={onOrganisation}
        onAlone={onAlone}
      />
      <p className="dash-hint dash-board-note">{t('dashboard.boardNote')}</p>
      {!future && <OrganisationTable asOf={asOf} scope={scope} onPick={onOrganisation} />}
      {content}
    </>
  );
}
