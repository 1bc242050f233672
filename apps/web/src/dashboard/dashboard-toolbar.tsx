import { useTranslation } from 'react-i18next';
import { AsOfInput } from './as-of-input';
import { ExportButtons } from './export-buttons';
import type { useReportDownload } from './use-report-download';

interface Props {
  asOf: string;
  today: string;
  canFreeze: boolean;
  freezing: boolean;
  onAsOf: (day: string) => void;
  onFreeze: () => void;
  downloads: ReturnType<typeof useReportDownload>;
}

/** The "as of" day, the freeze button and the exports. */
export function DashboardToolbar({ asOf, today, canFreeze, freezing, onAsOf, onFreeze, downloads }: Props) {
  const { t } = useTranslation();
  return (
    <div className="dash-toolbar">
      <AsOfInput value={asOf} max={today} onChange={onAsOf} />
      {asOf && (
        <button type="button" className="btn" data-testid="dashboard-live" onClick={() => onAsOf('')}>
          {t('dashboard.toolbar.live')}
        </button>
      )}
      <div className="dash-toolbar-right">
        {canFreeze && (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="dashboard-freeze"
            aria-expanded={freezing}
            onClick={onFreeze}
          >
            {t('dashboard.toolbar.freeze')}
          </button>
        )}
        <ExportButtons asOf={asOf} today={today} downloads={downloads} />
      </div>
    </div>
  );
}
