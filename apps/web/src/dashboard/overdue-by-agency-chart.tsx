import { type ReportByAgency, compareVietnamese } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { boardLink } from './report-links';
import { STATUS_COLORS } from './status-colors';
import { useFormatters } from './use-formatters';

interface Props {
  report: ReportByAgency;
}

// More bars than this stop being readable on a laptop; the table below has every agency.
const TOP = 10;

/** The agencies with the most overdue tasks; a bar opens those tasks on the board. */
export function OverdueByAgencyChart({ report }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { num } = useFormatters();
  const behind = report.rows
    .filter((r) => r.figures.overdue > 0)
    .sort((a, b) => b.figures.overdue - a.figures.overdue || compareVietnamese(a.agencyName, b.agencyName));
  const data = behind.slice(0, TOP).map((r) => ({
    name: r.agencyName,
    overdue: r.figures.overdue,
    link: boardLink({
      agencyId: r.agencyId,
      directiveId: report.filters.directiveId,
      field: report.filters.field,
      deadline: ['overdue'],
    }),
  }));

  return (
    <section className="dash-card chart-card" aria-labelledby="overdue-chart-title">
      <h2 id="overdue-chart-title">{t('dashboard.charts.overdueTitle')}</h2>
      {data.length === 0 ? (
        <p className="dash-empty">{t('dashboard.charts.overdueNone')}</p>
      ) : (
        <>
          <p className="dash-hint">{t('dashboard.charts.overdueHint')}</p>
          <div className="chart-box" data-testid="overdue-chart">
            <ResponsiveContainer width="100%" height={Math.max(120, data.length * 30 + 40)}>
              <BarChart data={data} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 0 }}>
                <CartesianGrid stroke="#e6e9ee" horizontal={false} />
                <XAxis type="number" allowDecimals={false} fontSize={12} tickFormatter={(v: number) => num(v)} />
                <YAxis type="category" dataKey="name" width={190} fontSize={12} interval={0} />
                <Tooltip formatter={(value) => (typeof value === 'number' ? num(value) : String(value))} />
                <Bar
                  isAnimationActive={false}
                  dataKey="overdue"
                  name={t('dashboard.status.unfinishedOverdue')}
                  fill={STATUS_COLORS.overdue}
                  cursor="pointer"
                  label={{ position: 'right', fontSize: 12 }}
                  onClick={(_, index) => {
                    const row = data[index];
                    if (row) void navigate(row.link);
                  }}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
          {behind.length > TOP && (
            <p className="dash-hint">{t('dashboard.charts.overdueMore', { count: behind.length - TOP })}</p>
          )}
        </>
      )}
    </section>
  );
}
