import type { RoleName } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../api/api-client';
import { BoardStatePanel } from '../board/board-state-panel';
import { useToday } from '../board/use-today';
import { fileDay } from '../dashboard/file-day';
import { useReportDownload } from '../dashboard/use-report-download';
import { AccessLogFilterBar } from './access-log-filters';
import {
  exportQuery,
  filtersFromParams,
  rangeInvalid,
  filtersToParams,
  pageCount,
  shownRange,
  withFilter,
  type AccessLogFilters,
} from './access-log-model';
import { AccessLogTable } from './access-log-table';
import { useAccessLog } from './use-access-log';
import { useLogPeople } from './use-log-people';

/**
 * The record of access: who read which classified item, when and from where; filters in the URL, a page of rows
 * at a time, and the same rows to Excel.
 */
export function AccessLogView({ role }: { role: RoleName }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const log = useAccessLog(filters);
  const people = useLogPeople(role);
  const today = useToday();
  const downloads = useReportDownload();
  const page = log.data;
  const pages = pageCount(page?.total ?? 0);
  const go = (next: AccessLogFilters) => setParams(filtersToParams(next));
  const change = (patch: Partial<Omit<AccessLogFilters, 'page'>>) => go(withFilter(filters, patch));
  const taskCode = filters.taskId ? (page?.rows.find((r) => r.taskId === filters.taskId)?.taskCode ?? null) : null;
  const range = page ? shownRange(filters.page, page.rows.length, page.total) : null;
  const forbidden = log.error instanceof ApiError && log.error.status === 403;

  return (
    <div className="access-log-page" data-testid="access-log-page">
      <header className="access-log-header">
        <div>
          <h1>{t('accessLog.title')}</h1>
          <p className="hint">{t('accessLog.intro')}</p>
        </div>
        <button
          type="button"
          className="btn"
          data-testid="access-log-export"
          disabled={downloads.busy !== null || rangeInvalid(filters)}
          aria-busy={downloads.busy === 'access-log'}
          onClick={() =>
            void downloads.download(
              'access-log',
              '/access-log.xlsx',
              exportQuery(filters),
              t('accessLog.file', { date: fileDay(today) }),
            )
          }
        >
          {downloads.busy === 'access-log' ? t('accessLog.exporting') : t('accessLog.export')}
        </button>
      </header>

      <AccessLogFilterBar filters={filters} people={people} taskCode={taskCode} onChange={change} />

      {log.isPending && !rangeInvalid(filters) && (
        <p className="hint" role="status" data-testid="access-log-loading">
          {t('accessLog.loading')}
        </p>
      )}
      {log.isError && (
        <BoardStatePanel
          testId="access-log-error"
          role="alert"
          title={forbidden ? t('accessLog.forbidden.title') : t('accessLog.loadError')}
          hint={log.error instanceof ApiError && log.error.status !== 0 ? log.error.message : t('common.networkError')}
        >
          <button type="button" className="btn btn-primary" onClick={() => void log.refetch()}>
            {t('common.retry')}
          </button>
        </BoardStatePanel>
      )}
      {page && (
        <>
          <p className="hint" role="status" data-testid="access-log-shown" aria-busy={log.isFetching || undefined}>
            {range && range.total > 0 ? t('accessLog.shown', range) : ''}
          </p>
          {page.rows.length === 0 ? (
            <p className="access-log-empty" data-testid="access-log-empty">
              {t('accessLog.empty')}
            </p>
          ) : (
            <AccessLogTable
              rows={page.rows}
              onTask={(taskId) => change({ taskId })}
              onUser={(userId) => change({ userId })}
            />
          )}
          {pages > 1 && (
            <nav className="access-log-paging" aria-label={t('accessLog.paging')} data-testid="access-log-paging">
              <button
                type="button"
                className="btn"
                disabled={filters.page <= 1}
                onClick={() => go({ ...filters, page: filters.page - 1 })}
              >
                {t('accessLog.previous')}
              </button>
              <span>{t('accessLog.page', { page: filters.page, pages })}</span>
              <button
                type="button"
                className="btn"
                data-testid="access-log-next"
                disabled={filters.page >= pages}
                onClick={() => go({ ...filters, page: filters.page + 1 })}
              >
                {t('accessLog.next')}
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
