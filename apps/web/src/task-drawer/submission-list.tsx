import type { SubmissionDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';
import { FileDownloadButton } from './file-download-button';

/** Every version handed in, newest first: what was sent, with which files, and what the Standing Committee said. */
export function SubmissionList({
  taskId,
  submissions,
  submitted,
}: {
  taskId: string;
  submissions: SubmissionDto[];
  /** False while the work is in progress: an undecided version there is a working file, not yet handed in. */
  submitted: boolean;
}) {
  const { t } = useTranslation();
  if (submissions.length === 0) return <p className="drawer-empty">{t('drawer.submissions.empty')}</p>;
  const newestFirst = [...submissions].sort((a, b) => b.seq - a.seq);
  return (
    <ol className="drawer-cards" data-testid="drawer-submissions">
      {newestFirst.map((s) => (
        <li key={s.id} className="drawer-card">
          <div className="drawer-card-head">
            <strong>
              {t('drawer.submissions.version', { seq: s.seq })} ·{' '}
              {s.revision > 0
                ? t('drawer.submissions.revision', { count: s.revision })
                : t('drawer.submissions.firstRevision')}
            </strong>
            <span
              className={`drawer-decision decision-${s.decision ?? 'pending'}`}
              data-testid="submission-status"
              data-status={s.decision ?? (submitted ? 'pending' : 'not_submitted')}
            >
              {s.decision || submitted
                ? t(`drawer.submissions.${s.decision ?? 'pending'}`)
                : t('drawer.submissions.notSubmitted')}
            </span>
          </div>
          <div className="drawer-muted">
            {t('drawer.submissions.submittedBy', { name: s.submittedBy, at: formatDateTime(s.submittedAt) })}
          </div>
          {s.note && <p className="drawer-quote">{s.note}</p>}
          {s.files.length === 0 ? (
            <p className="drawer-muted">{t('drawer.submissions.noFiles')}</p>
          ) : (
            <ul className="drawer-files" aria-label={t('drawer.submissions.files')}>
              {s.files.map((f) => (
                <FileDownloadButton key={f.id} taskId={taskId} file={f} />
              ))}
            </ul>
          )}
          {s.decision && (
            <div className="drawer-decision-note">
              {(s.decidedBy || s.decidedAt) && (
                <div className="drawer-muted">
                  {t('drawer.submissions.decidedBy', { name: s.decidedBy ?? '', at: formatDateTime(s.decidedAt) })}
                </div>
              )}
              {s.decisionComment && <p className="drawer-quote">{s.decisionComment}</p>}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
