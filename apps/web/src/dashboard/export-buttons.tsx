import { useTranslation } from 'react-i18next';
import { fileDay } from './file-day';
import type { useReportDownload } from './use-report-download';

interface Props {
  asOf: string;
  today: string;
  downloads: ReturnType<typeof useReportDownload>;
}

/** The per-agency table and the task list to Excel, the periodic report to Word, every urging letter zipped. */
export function ExportButtons({ asOf, today, downloads }: Props) {
  const { t } = useTranslation();
  const { busy, download } = downloads;
  const query = { asOf: asOf || undefined };
  const date = fileDay(asOf || today);
  const files = [
    {
      key: 'agency-xlsx',
      path: '/reports/by-agency.xlsx',
      label: t('dashboard.exports.agencyXlsx'),
      file: t('dashboard.exports.fileAgency', { date }),
    },
    {
      key: 'tasks-xlsx',
      path: '/reports/tasks.xlsx',
      label: t('dashboard.exports.tasksXlsx'),
      file: t('dashboard.exports.fileTasks', { date }),
    },
    {
      key: 'periodic-docx',
      path: '/reports/periodic.docx',
      label: t('dashboard.exports.periodicDocx'),
      file: t('dashboard.exports.filePeriodic', { date }),
    },
    {
      key: 'urging-zip',
      path: '/reports/urging-letters.zip',
      label: t('dashboard.exports.urgingAll'),
      file: t('dashboard.exports.fileUrgingAll', { date }),
    },
  ];

  return (
    <div className="export-buttons" role="group" aria-label={t('dashboard.toolbar.exports')}>
      {files.map((f) => (
        <button
          key={f.key}
          type="button"
          className="btn"
          data-testid={`export-${f.key}`}
          disabled={busy !== null}
          aria-busy={busy === f.key}
          onClick={() => void download(f.key, f.path, query, f.file)}
        >
          {busy === f.key ? t('dashboard.exports.downloading') : f.label}
        </button>
      ))}
    </div>
  );
}
