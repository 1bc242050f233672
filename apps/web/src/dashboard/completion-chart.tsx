import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate } from '../common/format';
import { STATUS_COLORS } from './status-colors';
import { useCompletionSeries } from './use-completion-series';
import type { OrganisationScope } from './use-dashboard-params';
import { useFormatters } from './use-formatters';

interface Props {
  /** The last day of the series: the chosen "as of" day, or today. */
  until: string;
  /** The committee whose figures: the dashboard's. */
  scope?: OrganisationScope;
}

// Charts here do not animate: figures should read at once, and a resize (a tablet turned) restarts it.

/** Stacked statuses at each month end, with the completion rate as a line on its own axis. */
export function CompletionChart({ until, scope }: Props) {
  const { t } = useTranslation();
  const { num, pct } = useFormatters();
  const { points, pending, failed } = useCompletionSeries(until, scope);
  const data = points.map((p) => ({ ...p, ratePct: p.completionRate === null ? null : p.completionRate * 100 }));
  // "mm/yyyy" for the month ends keeps the axis readable; the tooltip gives the full day.
  const tick = (day: string) => (day === until ? formatDate(day) : formatDate(day).slice(3));

  return (
    <section className="dash-card chart-card chart-trend" aria-labelledby="completion-chart-title">
      <h2 id="completion-chart-title">{t('dashboard.charts.completionTitle')}</h2>
      <p className="dash-hint">{t('dashboard.charts.completionHint')}</p>
      {failed && (
        <p className="dash-error" role="alert">
          {t('dashboard.charts.completionError')}
        </p>
      )}
      {pending && points.length === 0 ? (
        <p className="dash-empty" role="status">
          {t('dashboard.charts.completionLoading')}
        </p>
      ) : (
        <div className="chart-box" data-testid="completion-chart">
          <ResponsiveContainer width="100%" height={260}>
            <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
              <CartesianGrid stroke="#e6e9ee" vertical={false} />
              <XAxis dataKey="day" tickFormatter={tick} fontSize={12} />
              <YAxis yAxisId="count" allowDecimals={false} fontSize={12} tickFormatter={(v: number) => num(v)} />
              <YAxis
                yAxisId="rate"
                orientation="right"
                domain={[0, 100]}
                fontSize={12}
                tickFormatter={(v: number) => pct(v / 100)}
              />
              <Tooltip
                labelFormatter={(day) => (typeof day === 'string' ? formatDate(day) : '')}
                formatter={(value, name, item) =>
                  item.dataKey === 'ratePct'
                    ? [pct(typeof value === 'number' ? value / 100 : null), name]
                    : [typeof value === 'number' ? num(value) : String(value), name]
                }
              />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              <Bar
                isAnimationActive={false}
                yAxisId="count"
                stackId="s"
                dataKey="onTime"
                name={t('dashboard.status.finishedOnTime')}
                fill={STATUS_COLORS.onTime}
              />
              <Bar
                isAnimationActive={false}
                yAxisId="count"
                stackId="s"
                dataKey="late"
                name={t('dashboard.status.finishedLate')}
                fill={STATUS_COLORS.late}
              />
              <Bar
                isAnimationActive={false}
                yAxisId="count"
                stackId="s"
                dataKey="notDue"
                name={t('dashboard.status.unfinishedNotDue')}
                fill={STATUS_COLORS.notDue}
              />
              <Bar
                isAnimationActive={false}
                yAxisId="count"
                stackId="s"
                dataKey="dueSoon"
                name={t('dashboard.status.unfinishedDueSoon')}
                fill={STATUS_COLORS.dueSoon}
              />
              <Bar
                isAnimationActive={false}
                yAxisId="count"
                stackId="s"
                dataKey="overdue"
                name={t('dashboard.status.unfinishedOverdue')}
                fill={STATUS_COLORS.overdue}
              />
              <Line
                isAnimationActive={false}
                yAxisId="rate"
                type="monotone"
                dataKey="ratePct"
                name={t('dashboard.charts.rate')}
                stroke="#1c2430"
                strokeWidth={2}
                dot={{ r: 3 }}
                connectNulls
              />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}
