import type { ReportCoordination, ReportFigures, ReportMilestones } from '@dondoc/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from './use-formatters';

/**
 * A table too wide for a narrow card scrolls sideways; with nothing in it to focus, the box itself takes focus
 * so that a keyboard can scroll it (WCAG 2.1.1), named by the card's title.
 */
function ScrollBox({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

/** Key tasks (nhiệm vụ trọng tâm) apart: the same figures over key tasks only; nothing in older snapshots. */
export function KeyTaskFigures({ figures }: { figures: ReportFigures | undefined }) {
  const { t } = useTranslation();
  const { num, pct } = useFormatters();
  if (!figures) return null;
  const items: [string, string, string?][] = [
    [t('dashboard.keyTasks.total'), num(figures.total)],
    [t('dashboard.keyTasks.finished'), num(figures.finished)],
    [t('dashboard.keyTasks.onTimeRate'), pct(figures.onTimeRate)],
    [t('dashboard.keyTasks.dueSoon'), num(figures.dueSoon)],
    [t('dashboard.keyTasks.overdue'), num(figures.overdue), figures.overdue > 0 ? 'tone-overdue' : undefined],
  ];
  return (
    <section className="dash-card" aria-labelledby="key-tasks-title" data-testid="key-task-figures">
      <h2 id="key-tasks-title">{t('dashboard.keyTasks.title')}</h2>
      {figures.total === 0 ? (
        <p className="dash-empty">{t('dashboard.keyTasks.empty')}</p>
      ) : (
        <dl className="key-task-figures">
          {items.map(([label, value, tone]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className={tone}>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** Coordinating agencies: asked, on time, late, overdue not sent, accepted (phối hợp đúng hạn / quá hạn). */
export function CoordinationTable({ report }: { report: ReportCoordination | undefined }) {
  const { t } = useTranslation();
  const { num, pct } = useFormatters();
  if (!report) return null;
  const heads = ['agency', 'requested', 'onTime', 'late', 'overdue', 'accepted', 'onTimeRate'] as const;
  return (
    <section className="dash-card" aria-labelledby="coordination-title" data-testid="coordination-table">
      <h2 id="coordination-title">{t('dashboard.coordination.title')}</h2>
      {report.rows.length === 0 ? (
        <p className="dash-empty">{t('dashboard.coordination.empty')}</p>
      ) : (
        <ScrollBox labelledBy="coordination-title">
          <table className="dash-table">
            <thead>
              <tr>
                {heads.map((h) => (
                  <th key={h} scope="col" className={h === 'agency' ? undefined : 'num'}>
                    {t(`dashboard.coordination.${h}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...report.rows, null].map((row) => {
                const f = row ? row.figures : report.totals;
                return (
                  <tr key={row?.agencyId ?? 'totals'} className={row ? undefined : 'totals-row'}>
                    <th scope="row">{row ? row.agencyName : t('dashboard.agencies.totals')}</th>
                    <td className="num">{num(f.requested)}</td>
                    <td className="num">{num(f.onTime)}</td>
                    <td className="num">{num(f.late)}</td>
                    <td className={f.overdue > 0 ? 'num tone-overdue' : 'num'}>{num(f.overdue)}</td>
                    <td className="num">{num(f.accepted)}</td>
                    <td className="num">{pct(f.onTimeRate)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

/** Milestones by lead agency: done on time, done late, missed, upcoming. */
export function MilestoneTable({ report }: { report: ReportMilestones | undefined }) {
  const { t } = useTranslation();
  const { num } = useFormatters();
  if (!report) return null;
  const heads = ['agency', 'total', 'doneOnTime', 'doneLate', 'missed', 'upcoming'] as const;
  return (
    <section className="dash-card" aria-labelledby="milestones-title" data-testid="milestone-table">
      <h2 id="milestones-title">{t('dashboard.milestones.title')}</h2>
      {report.rows.length === 0 ? (
        <p className="dash-empty">{t('dashboard.milestones.empty')}</p>
      ) : (
        <ScrollBox labelledBy="milestones-title">
          <table className="dash-table">
            <thead>
              <tr>
                {heads.map((h) => (
                  <th key={h} scope="col" className={h === 'agency' ? undefined : 'num'}>
                    {t(`dashboard.milestones.${h}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...report.rows, null].map((row) => {
                const f = row ? row.figures : report.totals;
                return (
                  <tr key={row?.agencyId ?? 'totals'} className={row ? undefined : 'totals-row'}>
                    <th scope="row">{row ? row.agencyName : t('dashboard.agencies.totals')}</th>
                    <td className="num">{num(f.total)}</td>
                    <td className="num">{num(f.doneOnTime)}</td>
                    <td className="num">{num(f.doneLate)}</td>
                    <td className={f.missed > 0 ? 'num tone-overdue' : 'num'}>{num(f.missed)}</td>
                    <td className="num">{num(f.upcoming)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}
