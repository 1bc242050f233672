import type { ReportByField } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { boardLink, type BoardDeadline } from './report-links';
import { STATUS_COLORS } from './status-colors';
import { useFormatters } from './use-formatters';

interface Props {
  report: ReportByField;
}

const SEGMENTS = [
  { key: 'onTime', deadline: 'on_time', color: STATUS_COLORS.onTime, label: 'finishedOnTime' },
  { key: 'late', deadline: 'late', color: STATUS_COLORS.late, label: 'finishedLate' },
  { key: 'notDue', deadline: 'not_due', color: STATUS_COLORS.notDue, label: 'unfinishedNotDue' },
  { key: 'dueSoon', deadline: 'due_soon', color: STATUS_COLORS.dueSoon, label: 'unfinishedDueSoon' },
  { key: 'overdue', deadline: 'overdue', color: STATUS_COLORS.overdue, label: 'unfinishedOverdue' },
] as const satisfies readonly { key: string; deadline: BoardDeadline; color: string; label: string }[];

/** Each field as one bar split by status; a segment opens those tasks on the board. */
export function StatusByFieldChart({ report }: Props) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { num } = useFormatters();
  const data = report.rows.map((r) => ({
    field: r.field,
    // The API's label is Vietnamese; the interface's own text follows the chosen language.
    name: i18n.exists(`field.${r.field}`) ? t(`field.${r.field}`) : r.label,
    onTime: r.figures.onTime,
    late: r.figures.late,
    notDue: r.figures.notDue,
    dueSoon: r.figures.dueSoon,
    overdue: r.figures.overdue,
  }));

  return (
    <section className="dash-card chart-card" aria-labelledby="field-chart-title">
      <h2 id="field-chart-title">{t('dashboard.charts.fieldTitle')}</h2>
      <p className="dash-hint">{t('dashboard.charts.fieldHint')}</p>
      <div className="chart-box" data-testid="field-chart">
        <ResponsiveContainer width="100%" height={Math.max(160, data.length * 44 + 70)}>
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid stroke="#e6e9ee" horizontal={false} />
            <XAxis type="number" allowDecimals={false} fontSize={12} tickFormatter={(v: number) => num(v)} />
            <YAxis type="category" dataKey="name" width={150} fontSize={12} interval={0} />
            <Tooltip formatter={(value) => (typeof value === 'number' ? num(value) : String(value))} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {SEGMENTS.map((s) => (
              <Bar
                isAnimationActive={false}
                key={s.key}
                dataKey={s.key}
                stackId="field"
                name={t(`dashboard.status.${s.label}`)}
                fill={s.color}
                cursor="pointer"
                onClick={(_, index) => {
                  const row = data[index];
                  if (row) void navigate(boardLink({ ...report.filters, field: row.field, deadline: [s.deadline] }));
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}
