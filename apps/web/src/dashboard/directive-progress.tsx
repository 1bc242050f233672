import type { ReportByDirective } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDirectives } from '../api/use-directives';
import { ClassificationBadge } from '../classification/classification-badge';
import { FigureLink } from './figure-link';
import { boardLink } from './report-links';
import { StatusBar } from './status-bar';
import { useFormatters } from './use-formatters';

interface Props {
  report: ReportByDirective;
}

/** One line per directive: "N/M hoàn thành", the on-time rate and a bar of the five statuses. */
export function DirectiveProgress({ report }: Props) {
  const { t } = useTranslation();
  const { num, pct } = useFormatters();
  // Snapshots frozen before the rows carried their level: the directive list (one cached request) has it.
  const directives = useDirectives();
  const scope = report.filters;

  return (
    <section className="dash-card" aria-labelledby="directive-progress-title" data-testid="directive-progress">
      <h2 id="directive-progress-title">{t('dashboard.directives.title')}</h2>
      {report.rows.length === 0 ? (
        <p className="dash-empty">{t('dashboard.directives.empty')}</p>
      ) : (
        <ul className="directive-list">
          {report.rows.map((row) => {
            const f = row.figures;
            const link = (deadline?: Parameters<typeof boardLink>[0]['deadline']) =>
              boardLink({ directiveId: row.directiveId, agencyId: scope.agencyId, field: scope.field, deadline });
            return (
              <li key={row.directiveId} className="directive-item" data-directive-id={row.directiveId}>
                <div className="directive-head">
                  <Link className="directive-number" to={link()}>
                    {row.number}
                  </Link>
                  <ClassificationBadge
                    level={row.classification ?? directives.byId.get(row.directiveId)?.classification}
                  />
                  <span className="directive-title" title={row.title}>
                    {row.title}
                  </span>
                </div>
                <StatusBar figures={f} />
                <div className="directive-meta">
                  <Link to={link(['on_time', 'late'])}>
                    {t('dashboard.directives.done', { finished: num(f.finished), total: num(f.total) })}
                  </Link>
                  <span>{t('dashboard.directives.onTime', { rate: pct(f.onTimeRate) })}</span>
                  {f.overdue > 0 && (
                    <span className="tone-overdue">
                      <FigureLink value={f.overdue} to={link(['overdue'])} label={t('dashboard.status.overdue')} />{' '}
                      {t('dashboard.status.overdue').toLowerCase()}
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
