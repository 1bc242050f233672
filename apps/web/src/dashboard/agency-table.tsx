import { type ReportAgencyRow, type ReportByAgency, compareVietnamese } from '@dondoc/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureLink } from './figure-link';
import { LatenessCell } from './lateness-cell';
import { boardLink, type BoardDeadline } from './report-links';
import { useFormatters } from './use-formatters';

type SortKey = 'name' | 'overdue' | 'onTimeRate';
interface Sort {
  key: SortKey;
  desc: boolean;
}

interface Props {
  report: ReportByAgency;
  /** Urging letters are made from live data; a frozen snapshot has no button. */
  onUrge?: (row: ReportAgencyRow) => void;
  urgingAgencyId?: string | null;
}

function compare(a: ReportAgencyRow, b: ReportAgencyRow, sort: Sort): number {
  const name = compareVietnamese(a.agencyName, b.agencyName);
  if (sort.key === 'name') return sort.desc ? -name : name;
  // Agencies with nothing finished have no rate: they sort last either way, not as 0 %.
  const value = (r: ReportAgencyRow) => (sort.key === 'overdue' ? r.figures.overdue : r.figures.onTimeRate);
  const va = value(a);
  const vb = value(b);
  if (va === null || vb === null) return va === vb ? name : va === null ? 1 : -1;
  return (sort.desc ? vb - va : va - vb) || name;
}

/** Per lead agency: the two axes, the on-time rate against both deadlines, and the urging letter. */
export function AgencyTable({ report, onUrge, urgingAgencyId }: Props) {
  const { t } = useTranslation();
  const { num, pct } = useFormatters();
  // The Office opens this table to see who is behind: the most overdue first.
  const [sort, setSort] = useState<Sort>({ key: 'overdue', desc: true });
  const rows = useMemo(() => [...report.rows].sort((a, b) => compare(a, b, sort)), [report.rows, sort]);
  const scope = report.filters;

  const toggle = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, desc: !s.desc } : { key, desc: key !== 'name' }));
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.desc ? 'descending' : 'ascending') : 'none');
  const sortButton = (key: SortKey, label: string) => (
    <button
      type="button"
      className={`sort-button${sort.key === key ? ' is-sorted' : ''}`}
      data-testid={`agency-sort-${key}`}
      onClick={() => toggle(key)}
      title={`${t('dashboard.agencies.sortBy')}: ${label}`}
    >
      {label}
      <span aria-hidden="true">{sort.key === key ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
    </button>
  );
  const cell = (row: ReportAgencyRow, value: number, label: string, deadline?: BoardDeadline[]) => (
    <FigureLink
      value={value}
      label={`${label} – ${row.agencyName}`}
      to={boardLink({
        agencyId: row.agencyId,
        directiveId: scope.directiveId,
        field: scope.field,
        deadline,
      })}
    />
  );

  return (
    <section className="dash-card dash-wide" aria-labelledby="agency-table-title">
      <h2 id="agency-table-title">{t('dashboard.agencies.title')}</h2>
      {rows.length === 0 ? (
        <p className="dash-empty">{t('dashboard.agencies.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="dash-table agency-table" data-testid="agency-table">
            <thead>
              <tr>
                <th rowSpan={2} scope="col" aria-sort={ariaSort('name')}>
                  {sortButton('name', t('dashboard.agencies.agency'))}
                </th>
                <th rowSpan={2} scope="col" className="num">
                  {t('dashboard.status.total')}
                </th>
                <th colSpan={3} scope="colgroup" className="group">
                  {t('dashboard.status.finished')}
                </th>
                <th colSpan={4} scope="colgroup" className="group">
                  {t('dashboard.status.unfinished')}
                </th>
                <th rowSpan={2} scope="col" className="num">
                  {t('dashboard.agencies.daysLate')}
                  <span className="th-note">{t('dashboard.agencies.daysLateCalendar')}</span>
                </th>
                <th rowSpan={2} scope="col" className="num" aria-sort={ariaSort('onTimeRate')}>
                  {sortButton('onTimeRate', t('dashboard.agencies.onTimeRate'))}
                  <span className="th-note">{t('dashboard.agencies.original')}</span>
                </th>
                {onUrge && (
                  <th rowSpan={2} scope="col">
                    {t('dashboard.agencies.actions')}
                  </th>
                )}
              </tr>
              <tr>
                <th scope="col" className="num">
                  {t('dashboard.status.total')}
                </th>
                <th scope="col" className="num tone-on-time">
                  {t('dashboard.status.onTime')}
                </th>
                <th scope="col" className="num tone-late">
                  {t('dashboard.status.late')}
                </th>
                <th scope="col" className="num">
                  {t('dashboard.status.total')}
                </th>
                <th scope="col" className="num tone-in-deadline">
                  {t('dashboard.status.notDue')}
                </th>
                <th scope="col" className="num tone-due-soon">
                  {t('dashboard.status.dueSoon')}
                </th>
                <th scope="col" className="num tone-overdue" aria-sort={ariaSort('overdue')}>
                  {sortButton('overdue', t('dashboard.status.overdue'))}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const f = row.figures;
                return (
                  <tr key={row.agencyId} data-agency-id={row.agencyId}>
                    <th scope="row">{row.agencyName}</th>
                    <td className="num">{cell(row, f.total, t('dashboard.status.total'))}</td>
                    <td className="num">
                      {cell(row, f.finished, t('dashboard.status.finished'), ['on_time', 'late'])}
                    </td>
                    <td className="num">{cell(row, f.onTime, t('dashboard.status.finishedOnTime'), ['on_time'])}</td>
                    <td className="num">{cell(row, f.late, t('dashboard.status.finishedLate'), ['late'])}</td>
                    <td className="num">
                      {cell(row, f.unfinished, t('dashboard.status.unfinished'), ['not_due', 'due_soon', 'overdue'])}
                    </td>
                    <td className="num">{cell(row, f.notDue, t('dashboard.status.unfinishedNotDue'), ['not_due'])}</td>
                    <td className="num">
                      {cell(row, f.dueSoon, t('dashboard.status.unfinishedDueSoon'), ['due_soon'])}
                    </td>
                    <td className={`num${f.overdue > 0 ? ' is-overdue' : ''}`}>
                      {cell(row, f.overdue, t('dashboard.status.unfinishedOverdue'), ['overdue'])}
                    </td>
                    <LatenessCell lateness={row.lateness} />
                    <td className="num">
                      {pct(f.onTimeRate)}
                      <span className="th-note">{pct(f.onTimeRateOriginal)}</span>
                    </td>
                    {onUrge && (
                      <td>
                        <button
                          type="button"
                          className="btn btn-small"
                          data-testid="export-urging-docx"
                          disabled={urgingAgencyId === row.agencyId}
                          aria-label={t('dashboard.exports.urgingLabel', { agency: row.agencyName })}
                          title={t('dashboard.exports.urgingLabel', { agency: row.agencyName })}
                          onClick={() => onUrge(row)}
                        >
                          {urgingAgencyId === row.agencyId
                            ? t('dashboard.exports.downloading')
                            : t('dashboard.exports.urging')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('dashboard.agencies.totals')}</th>
                <td className="num">{num(report.totals.total)}</td>
                <td className="num">{num(report.totals.finished)}</td>
                <td className="num">{num(report.totals.onTime)}</td>
                <td className="num">{num(report.totals.late)}</td>
                <td className="num">{num(report.totals.unfinished)}</td>
                <td className="num">{num(report.totals.notDue)}</td>
                <td className="num">{num(report.totals.dueSoon)}</td>
                <td className="num">{num(report.totals.overdue)}</td>
                <LatenessCell lateness={report.latenessTotals} />
                <td className="num">
                  {pct(report.totals.onTimeRate)}
                  <span className="th-note">{pct(report.totals.onTimeRateOriginal)}</span>
                </td>
                {onUrge && <td />}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  );
}
