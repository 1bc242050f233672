import type { SubmissionDto } from '@dondoc/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../common/file-picker';

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
  const hintId = useId();
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
      <div className="dialog-field">
        <span aria-hidden="true">{t('board.transition.files')}</span>
        <FilePicker
          label={t('board.transition.files')}
          name="files"
          multiple
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onFiles(Array.from(e.target.files ?? []))}
        />
        <span className="hint" id={hintId}>
          {t('board.transition.filesHint')}
        </span>
        {error && <span className="field-error">{error}</span>}
      </div>
      {progress !== null && (
        <div className="upload-progress">
          <progress max={100} value={percent} aria-label={t('board.transition.uploading', { percent })} />
          <span aria-live="polite">{t('board.transition.uploading', { percent })}</span>
        </div>
      )}
    </>
  );
}
