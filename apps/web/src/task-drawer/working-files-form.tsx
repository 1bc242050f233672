import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { FilePicker } from '../common/file-picker';
import { inputErrorText } from '../transitions/transition-errors';
import { useUploadWorkingFiles } from './use-upload-working-files';

const MAX_FILES = 10;
// What the server's content check lets through (submissions/file-type-check.ts); it still decides.
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.png,.jpg,.jpeg';

/** The lead agency's upload while the work is in progress: kept with the task, submitted later with Trình. */
export function WorkingFilesForm({ taskId, hasPending }: { taskId: string; hasPending: boolean }) {
  const { t } = useTranslation();
  const filesId = useId();
  const noteId = useId();
  const hintId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [note, setNote] = useState('');
  // A new key empties the file input, which React cannot set.
  const [inputKey, setInputKey] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const upload = useUploadWorkingFiles(taskId);
  const percent = upload.progress === null ? 0 : Math.round(upload.progress * 100);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (files.length === 0 && !note.trim()) return setProblem(t('drawer.workingFiles.chooseSomething'));
    if (files.length > MAX_FILES) return setProblem(t('drawer.workingFiles.tooManyFiles'));
    setProblem(null);
    try {
      await upload.send({ note: note.trim(), files });
      setFiles([]);
      setNote('');
      setInputKey((k) => k + 1);
      setDone(true);
    } catch {
      // upload.error holds the refusal; what was chosen stays so the person can change it.
    }
  };

  const error = upload.error;
  const serverMessage = error instanceof ApiError && error.status !== 0 ? error.message : null;
  return (
    <form
      className="drawer-form drawer-subform working-files-form"
      onSubmit={(e) => void onSubmit(e)}
      data-testid="working-files-form"
      noValidate
    >
      <h4>{t('drawer.workingFiles.title')}</h4>
      <p className="drawer-hint">
        {hasPending ? t('drawer.workingFiles.pendingNotice') : t('drawer.workingFiles.intro')}
      </p>
      <span aria-hidden="true">{t('drawer.workingFiles.files')}</span>
      <FilePicker
        key={inputKey}
        id={filesId}
        label={t('drawer.workingFiles.files')}
        name="files"
        multiple
        accept={ACCEPT}
        aria-describedby={hintId}
        aria-invalid={error || problem ? true : undefined}
        data-testid="working-files-input"
        onChange={(e) => {
          setFiles(Array.from(e.target.files ?? []));
          setProblem(null);
          setDone(false);
        }}
      />
      <p id={hintId} className="drawer-hint">
        {t('drawer.workingFiles.filesHint')}
      </p>
      <label htmlFor={noteId}>{t('drawer.workingFiles.note')}</label>
      <textarea
        id={noteId}
        name="note"
        rows={2}
        maxLength={5000}
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          setProblem(null);
          setDone(false);
        }}
      />
      {problem && (
        <p className="drawer-field-error" role="alert">
          {problem}
        </p>
      )}
      {error && !upload.isPending && (
        <div
          className="drawer-alert"
          role="alert"
          data-testid="working-files-error"
          data-code={error instanceof ApiError ? error.code : undefined}
        >
          <strong>
            {t('drawer.workingFiles.failed')} {inputErrorText(error, t)}
          </strong>
          {serverMessage && (
            <span>
              {' '}
              {t('drawer.errors.serverSays')} {serverMessage}
            </span>
          )}
        </div>
      )}
      {upload.progress !== null && upload.isPending && (
        <div className="working-files-progress">
          <progress max={100} value={percent} aria-label={t('drawer.workingFiles.uploading', { percent })} />
          <span aria-live="polite">{t('drawer.workingFiles.uploading', { percent })}</span>
        </div>
      )}
      {done && (
        <p className="drawer-hint" role="status" data-testid="working-files-done">
          {t('drawer.workingFiles.done')}
        </p>
      )}
      <div className="drawer-form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={upload.isPending}
          data-testid="working-files-submit"
        >
          {upload.isPending ? t('drawer.workingFiles.uploading', { percent }) : t('drawer.workingFiles.submit')}
        </button>
      </div>
    </form>
  );
}
