import type { ReportAverages, ReportReviewQueue, ReportSummary } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { excludedNote } from './excluded-note';
import { FigureLink } from './figure-link';
import { boardLink, FINISHED, REVIEW_LINK, UNFINISHED } from './report-links';
import { useFormatters } from './use-formatters';

interface Props {
  summary: ReportSummary;
  reviewQueue: ReportReviewQueue;
  averages: ReportAverages;
}

/**
 * The headline cards along the two axes of Vietnamese reports: finished (on time / late) and
 * unfinished (within deadline / due soon / overdue), plus the original-deadline view where it differs.
 */
export function HeadlineFigures({ summary, reviewQueue, averages }: Props) {
  const { t } = useTranslation();
  const { num, pct, decimal } = useFormatters();
  const f = summary.figures;
  const scope = summary.filters;
  const link = (deadline?: Parameters<typeof boardLink>[0]['deadline']) =>
    boardLink({ agencyId: scope.agencyId, directiveId: scope.directiveId, field: scope.field, deadline });
  const days = (v: number | null) =>
    v === null ? t('dashboard.headline.noData') : t('dashboard.headline.days', { days: decimal(v) });

  const excluded = excludedNote(t, summary.excluded, num);

  return (
    <section className="headline" aria-label={t('dashboard.headline.label')}>
      <div className="headline-card">
        <h2>{t('dashboard.headline.total')}</h2>
        <FigureLink className="figure-big" value={f.total} to={link(undefined)} label={t('dashboard.headline.total')} />
        {excluded && (
          <p className="headline-note" data-testid="headline-excluded">
            {excluded}
          </p>
        )}
        {/* Counts leave out classified tasks the reader is not cleared for; the total says how many. */}
        {!!summary.hidden && (
          <p className="headline-note" data-testid="headline-hidden">
            {t('dashboard.headline.hidden', { count: summary.hidden, n: num(summary.hidden) })}
          </p>
        )}
      </div>

      <div className="headline-card headline-finished">
        <h2>{t('dashboard.headline.finished')}</h2>
        <FigureLink
          className="figure-big"
          value={f.finished}
          to={link(FINISHED)}
          label={t('dashboard.status.finished')}
        />
        <p className="headline-note">{t('dashboard.headline.completionRate', { rate: pct(f.completionRate) })}</p>
        <dl className="headline-split">
          <div className="tone-on-time">
            <dt>{t('dashboard.status.onTime')}</dt>
            <dd>
              <FigureLink value={f.onTime} to={link(['on_time'])} label={t('dashboard.status.finishedOnTime')} />
            </dd>
          </div>
          <div className="tone-late">
            <dt>{t('dashboard.status.late')}</dt>
            <dd>
              <FigureLink value={f.late} to={link(['late'])} label={t('dashboard.status.finishedLate')} />
            </dd>
          </div>
        </dl>
      </div>

      <div className="headline-card headline-unfinished">
        <h2>{t('dashboard.headline.unfinished')}</h2>
        <FigureLink
          className="figure-big"
          value={f.unfinished}
          to={link(UNFINISHED)}
          label={t('dashboard.status.unfinished')}
        />
        <dl className="headline-split">
          <div className="tone-in-deadline">
            <dt>{t('dashboard.status.notDue')}</dt>
            <dd>
              <FigureLink value={f.notDue} to={link(['not_due'])} label={t('dashboard.status.unfinishedNotDue')} />
            </dd>
          </div>
          <div className="tone-due-soon">
            <dt>{t('dashboard.status.dueSoon')}</dt>
            <dd>
              <FigureLink value={f.dueSoon} to={link(['due_soon'])} label={t('dashboard.status.unfinishedDueSoon')} />
            </dd>
          </div>
          <div className="tone-overdue">
            <dt>{t('dashboard.status.overdue')}</dt>
            <dd>
              <FigureLink value={f.overdue} to={link(['overdue'])} label={t('dashboard.status.unfinishedOverdue')} />
            </dd>
          </div>
        </dl>
        <p className="headline-note">{t('dashboard.headline.overdueOriginal', { count: num(f.overdueOriginal) })}</p>
      </div>

      <div className="headline-card">
        <h2>{t('dashboard.headline.onTimeRate')}</h2>
        <span className="figure figure-big">{pct(f.onTimeRate)}</span>
        <p className="headline-note">{t('dashboard.headline.againstCurrent')}</p>
        <p className="headline-note">
          {t('dashboard.headline.againstOriginal', {
            rate: pct(f.onTimeRateOriginal),
            onTime: num(f.onTimeOriginal),
            late: num(f.lateOriginal),
          })}
        </p>
        <p className="headline-note">{t('dashboard.headline.extended', { count: num(f.extended) })}</p>
      </div>

      <div className="headline-card">
        <h2>{t('dashboard.headline.review')}</h2>
        <FigureLink
          className="figure-big"
          value={reviewQueue.total}
          to={REVIEW_LINK}
          label={t('dashboard.headline.review')}
        />
        <p className="headline-note">
          {reviewQueue.total === 0 || reviewQueue.averageWaitingDays === null
            ? t('dashboard.headline.reviewNone')
            : t('dashboard.headline.reviewWaiting', {
                avg: decimal(reviewQueue.averageWaitingDays),
                max: num(reviewQueue.longestWaitingDays ?? 0),
              })}
        </p>
        <h3>{t('dashboard.headline.durations')}</h3>
        <ul className="headline-list">
          <li>{t('dashboard.headline.assignToSubmit', { days: days(averages.assignmentToSubmission.averageDays) })}</li>
          <li>{t('dashboard.headline.submitToDecision', { days: days(averages.submissionToDecision.averageDays) })}</li>
          <li>{t('dashboard.headline.returns', { count: num(averages.returns.total) })}</li>
        </ul>
      </div>
    </section>
  );
}
