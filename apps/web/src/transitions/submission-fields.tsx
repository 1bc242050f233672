import type { SubmissionDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';

interface Props {
  note: string;
  onNote: (note: string) => void;
  onFiles: (files: File[]) => void;
  progress: number | null;
  error: string | null;
  /** The deliverable already uploaded for this round (from the task panel), when the dialog knows it. */
  pending?: SubmissionDto | null;
}

/** The deliverable that SUBMIT sends first: a note and up to 10 files, with upload progress. */
export function SubmissionFields({ note, onNote, onFiles, progress, error, pending = null }: Props) {
  const { t } = useTranslation();
  const percent = progress === null ? 0 : Math.round(progress * 100);
  return (
    <>
      {pending && (
        <p className="hint" data-testid="submit-already-uploaded">
          {t('board.transition.alreadyUploaded', { seq: pending.seq, count: pending.files.length })}
        </p>
      )}
      <label className="dialog-field">
        <span>{t('board.transition.note')}</span>
        <textarea name="note" rows={3} value={note} autoFocus onChange={(e) => onNote(e.target.value)} />
      </label>
      <label className="dialog-field">
        <span>{t('board.transition.files')}</span>
        <input
          type="file"
          name="files"
          multiple
          aria-invalid={error ? true : undefined}
          onChange={(e) => onFiles(Array.from(e.target.files ?? []))}
        />
        <span className="hint">{t('board.transition.filesHint')}</span>
        {error && <span className="field-error">{error}</span>}
      </label>
      {progress !== null && (
        <div className="upload-progress">
          <progress max={100} value={percent} aria-label={t('board.transition.uploading', { percent })} />
          <span aria-live="polite">{t('board.transition.uploading', { percent })}</span>
        </div>
      )}
    </>
  );
}
