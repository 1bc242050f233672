import type { TaskPeriodAskDto } from '@dondoc/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FilePicker } from '../common/file-picker';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import { parsePercent } from './progress-model';
import { useReportProgress } from './use-progress';

// What the server's content check lets through (submissions/file-type-check.ts); it still decides.
const ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.odt,.ods,.png,.jpg,.jpeg';

/** "Báo cáo tiến độ": percentage, narrative, the period it answers, files. */
export function ProgressForm({
  taskId,
  latest,
  periods,
}: {
  taskId: string;
  latest: number | null;
  periods: TaskPeriodAskDto[];
}) {
  const { t } = useTranslation();
  const percentId = useId();
  const narrativeId = useId();
  const periodId = useId();
  const [percent, setPercent] = useState(latest === null ? '' : String(latest));
  const [narrative, setNarrative] = useState('');
  // The period still waiting for this task comes first: the report most likely answers it.
  const [period, setPeriod] = useState<string>((periods.find((p) => !p.reported) ?? periods[0])?.periodId ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const [inputKey, setInputKey] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const report = useReportProgress(taskId);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const value = parsePercent(percent);
    if (value === null) return setProblem(t('progress.form.percentInvalid'));
    if (!narrative.trim()) return setProblem(t('progress.form.narrativeRequired'));
    setProblem(null);
    try {
      await report.mutateAsync({ percent: value, narrative: narrative.trim(), periodId: period || null, files });
      setNarrative('');
      setFiles([]);
      setInputKey((k) => k + 1);
      setDone(true);
    } catch {
      // report.error holds the refusal; what was typed stays so the person can change it.
    }
  };

  return (
    <form
      className="drawer-form drawer-subform progress-form"
      onSubmit={(e) => void onSubmit(e)}
      data-testid="progress-form"
      noValidate
    >
      <h4>{t('progress.form.title')}</h4>
      <label htmlFor={percentId}>{t('progress.form.percent')}</label>
      <input
        id={percentId}
        name="percent"
        inputMode="numeric"
        className="progress-percent-input"
        value={percent}
        aria-invalid={problem === t('progress.form.percentInvalid') ? true : undefined}
        data-testid="progress-percent"
        onChange={(e) => {
          setPercent(e.target.value);
          setProblem(null);
        }}
      />
      <label htmlFor={narrativeId}>{t('progress.form.narrative')}</label>
      <textarea
        id={narrativeId}
        name="narrative"
        rows={3}
        maxLength={5000}
        value={narrative}
        data-testid="progress-narrative"
        onChange={(e) => {
          setNarrative(e.target.value);
          setProblem(null);
          setDone(false);
        }}
      />
      {periods.length > 0 && (
        <>
          <label htmlFor={periodId}>{t('progress.form.period')}</label>
          <select
            id={periodId}
            value={period}
            onChange={(e) => setPeriod(e.target.value)}
            data-testid="progress-period"
          >
            {periods.map((p) => (
              <option key={p.periodId} value={p.periodId}>
                {p.label}
              </option>
            ))}
            <option value="">{t('progress.form.noPeriod')}</option>
          </select>
        </>
      )}
      <span aria-hidden="true">{t('progress.form.files')}</span>
      <FilePicker
        key={inputKey}
        label={t('progress.form.files')}
        name="files"
        multiple
        accept={ACCEPT}
        data-testid="progress-files"
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
      />
      {problem && (
        <p className="drawer-field-error" role="alert">
          {problem}
        </p>
      )}
      {!report.isPending && <ApiErrorAlert error={report.error} />}
      {done && (
        <p className="drawer-hint" role="status" data-testid="progress-done">
          {t('progress.form.done')}
        </p>
      )}
      <div className="drawer-form-actions">
        <button type="submit" className="btn btn-primary" disabled={report.isPending} data-testid="progress-submit">
          {report.isPending ? t('progress.form.sending') : t('progress.form.submit')}
        </button>
      </div>
    </form>
  );
}
