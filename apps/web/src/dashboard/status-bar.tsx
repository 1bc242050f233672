import type { ReportFigures } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { STATUS_COLORS } from './status-colors';
import { useFormatters } from './use-formatters';

interface Props {
  figures: ReportFigures;
}

/** A thin stacked bar of the five statuses, in the board's deadline colours; its text is for screen readers. */
export function StatusBar({ figures: f }: Props) {
  const { t } = useTranslation();
  const { num } = useFormatters();
  const parts = [
    { key: 'onTime', value: f.onTime, color: STATUS_COLORS.onTime, label: t('dashboard.status.finishedOnTime') },
    { key: 'late', value: f.late, color: STATUS_COLORS.late, label: t('dashboard.status.finishedLate') },
    { key: 'notDue', value: f.notDue, color: STATUS_COLORS.notDue, label: t('dashboard.status.unfinishedNotDue') },
    { key: 'dueSoon', value: f.dueSoon, color: STATUS_COLORS.dueSoon, label: t('dashboard.status.unfinishedDueSoon') },
    { key: 'overdue', value: f.overdue, color: STATUS_COLORS.overdue, label: t('dashboard.status.unfinishedOverdue') },
  ].filter((p) => p.value > 0);
  const text = parts.map((p) => `${p.label}: ${num(p.value)}`).join('; ');
  return (
    <div className="status-bar" role="img" aria-label={text} title={text}>
      {parts.map((p) => (
        <span key={p.key} style={{ flexGrow: p.value, background: p.color }} />
      ))}
    </div>
  );
}
