import type { ProgressReportDto, TaskDetailDto } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../common/format';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import { DrawerSection } from '../task-drawer/drawer-section';
import { ProgressForm } from './progress-form';
import { downloadProgressFile, useTaskProgress } from './use-progress';
import { mayReportProgress } from './progress-model';
import './progress.css';

export function ProgressBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div
      className="progress-bar"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-label={label}
    >
      <div className="progress-bar-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}

function ReportItem({ report }: { report: ProgressReportDto }) {
  const { t } = useTranslation();
  return (
    <li className="progress-report" data-testid="progress-report">
      <div className="progress-report-head">
        <strong>{report.percent}%</strong>
        <span className="drawer-muted">
          {' '}
          {t('progress.by', { name: report.reportedByName ?? '', at: formatDateTime(report.createdAt) })}
        </span>
        {report.periodLabel && (
          <span className="progress-period-tag">{t('progress.forPeriod', { label: report.periodLabel })}</span>
        )}
      </div>
      <p className="progress-narrative">{report.narrative}</p>
      {report.files.length > 0 && (
        <ul className="drawer-files">
          {report.files.map((f) => (
            <li key={f.id} className="drawer-file">
              <button
                type="button"
                className="btn drawer-file-button"
                onClick={() => void downloadProgressFile(report.id, f)}
              >
                <span aria-hidden="true">⬇</span> <span className="drawer-file-name">{f.fileName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The task panel's progress: the latest percentage as a bar, the open periods asking for a report, every
 * report kept (newest first), and for the lead agency's people the form "Báo cáo tiến độ". The server still
 * decides who may report (an officer reports only on the tasks assigned to them).
 */
export function ProgressSection({ task, actor }: { task: TaskDetailDto; actor: Actor }) {
  const { t } = useTranslation();
  const taskId = task.id;
  const query = useTaskProgress(taskId);
  const data = query.data;
  const mayReport = mayReportProgress(task, actor);
  return (
    <DrawerSection title={t('progress.section')} testId="progress-section">
      {query.error ? <ApiErrorAlert error={query.error} /> : null}
      {data && (
        <>
          {data.percent !== null ? (
            <div className="progress-latest">
              <span>{t('progress.latest', { percent: data.percent })}</span>
              {data.reportedAt && (
                <span className="drawer-muted">
                  {' '}
                  · {t('progress.latestAt', { at: formatDateTime(data.reportedAt) })}
                </span>
              )}
              <ProgressBar percent={data.percent} label={t('progress.bar', { percent: data.percent })} />
            </div>
          ) : (
            <p className="drawer-muted">{t('progress.none')}</p>
          )}
          {data.openPeriods.map((p) => (
            <p key={p.periodId} className={p.reported ? 'drawer-hint' : 'drawer-hint progress-asked'}>
              {p.reported
                ? t('progress.askedDone', { label: p.label })
                : t('progress.asked', { label: p.label, due: formatDate(p.dueDate) })}
            </p>
          ))}
          {mayReport && (
            <ProgressForm
              key={data.openPeriods.map((p) => p.periodId).join()}
              taskId={taskId}
              latest={data.percent}
              periods={data.openPeriods}
            />
          )}
          {data.reports.length > 0 && (
            <>
              <h4>{t('progress.history')}</h4>
              <ol className="progress-history">
                {data.reports.map((r) => (
                  <ReportItem key={r.id} report={r} />
                ))}
              </ol>
            </>
          )}
        </>
      )}
    </DrawerSection>
  );
}
