import {
  DIRECTIVE_IMPORT_EXTENSIONS,
  DIRECTIVE_IMPORT_LOW_CONFIDENCE,
  DIRECTIVE_IMPORT_MAX_BYTES,
  DIRECTIVE_KIND_VALUES,
  type DirectiveImportProposal,
} from '@dondoc/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NewAgenciesPanel } from './new-agencies-panel';
import { ApiError } from '../api/api-client';
import { ClassificationFields } from '../classification/classification-fields';
import { RECORD_ONLY_DIRECTIVE_TITLE } from '../classification/classification-model';
import { FilePicker } from '../common/file-picker';
import { queryKeys } from '../api/query-keys';
import { useAgencies } from '../api/use-agencies';
import { useDirectives } from '../api/use-directives';
import { showToast } from '../transitions/toast-store';
import { DateField } from '../common/date-field';
import {
  assignGaps,
  directiveProblems,
  emptyRow,
  rowProblems,
  sameNumber,
  toConfirmRequest,
  toDraft,
  type DraftDirective,
  type DraftRow,
} from './import-model';
import { ImportTaskRow } from './import-task-row';
import { useAnalyseDirective } from './use-analyse-directive';
import { useConfirmDirectiveImport } from './use-confirm-directive-import';

const MB = DIRECTIVE_IMPORT_MAX_BYTES / 1024 / 1024;
/** Refusals whose message says what to do (what to install, how to save the file): shown as the API wrote it. */
const SHOWN_AS_IS = new Set(['OCR_UNAVAILABLE', 'PDF_HAS_NO_TEXT']);
/** Files read by OCR (a PDF may be a scan too). */
const SCAN = /\.(png|jpe?g|tiff?|pdf)$/i;
const KNOWN_ERRORS = [
  'EMPTY_DOCUMENT',
  'PDF_HAS_NO_TEXT',
  'OCR_UNAVAILABLE',
  'UNSUPPORTED_FILE_TYPE',
  'NO_TASKS_FOUND',
  'PAYLOAD_TOO_LARGE',
  'DIRECTIVE_EXISTS',
  'UNKNOWN_AGENCY',
  'IMPORT_ASSIGN_INCOMPLETE',
  'BULK_REFUSED',
  'CONTENT_REFERENCE_REQUIRED',
  'CLASSIFICATION_BELOW_DIRECTIVE',
];

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The import itself: the text or file, then the proposal to correct and confirm. */
export function ImportWorkspace() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { agencies, byId } = useAgencies();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [busy, setBusy] = useState<'analyse' | 'confirm' | 'assign' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const confirmErrorRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirmError) confirmErrorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [confirmError]);
  const { directives } = useDirectives();
  const queryClient = useQueryClient();
  const [proposal, setProposal] = useState<DirectiveImportProposal | null>(null);
  const [directive, setDirective] = useState<DraftDirective | null>(null);
  const [rows, setRows] = useState<DraftRow[]>([]);
  const analyseDirective = useAnalyseDirective();
  const confirmImport = useConfirmDirectiveImport();
  const { progress } = analyseDirective;

  const describe = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError && KNOWN_ERRORS.includes(e.code)) {
        return SHOWN_AS_IS.has(e.code) || (e.code === 'UNSUPPORTED_FILE_TYPE' && /UTF-8/.test(e.message))
          ? e.message
          : t(`directiveImport.errors.${e.code}`);
      }
      return t('directiveImport.errors.generic', { message: e instanceof Error ? e.message : String(e) });
    },
    [t],
  );

  const analyse = async () => {
    setError(null);
    if (!file && !text.trim()) {
      setError(t('directiveImport.input.nothing'));
      return;
    }
    if (file && file.size > DIRECTIVE_IMPORT_MAX_BYTES) {
      setError(t('directiveImport.input.tooLarge', { mb: MB }));
      return;
    }
    setBusy('analyse');
    try {
      const result = await analyseDirective.mutateAsync(file ? { file } : { text });
      const draft = toDraft(result);
      setProposal(result);
      setDirective(draft.directive);
      setRows(draft.rows);
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(null);
    }
  };

  const changeRow = useCallback((key: string, patch: Partial<DraftRow>) => {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }, []);
  const removeRow = useCallback((key: string) => setRows((all) => all.filter((r) => r.key !== key)), []);

  // Checked as the number is typed, against every registered directive, not only when the proposal came.
  const numberTaken =
    directive !== null &&
    directive.number.trim() !== '' &&
    (directives.some((d) => sameNumber(d.number, directive.number)) ||
      (proposal?.existingDirectiveId !== null &&
        proposal?.existingDirectiveId !== undefined &&
        sameNumber(proposal.directive.number ?? '', directive.number)));
  const invalid =
    !directive ||
    directiveProblems(directive) ||
    rows.length === 0 ||
    numberTaken ||
    rows.some((r) => rowProblems(r, directive));

  // "Xác nhận và giao" needs a lead and a deadline on every row; the reason shows beside the button.
  const gaps = assignGaps(rows);
  const assignReasons = [
    ...(gaps.noLead.length ? [t('directiveImport.confirm.assignNoLead', { rows: gaps.noLead.join(', ') })] : []),
    ...(gaps.noDeadline.length
      ? [t('directiveImport.confirm.assignNoDeadline', { rows: gaps.noDeadline.join(', ') })]
      : []),
  ];
  const assignBlocked = assignReasons.length > 0;

  const confirm = async (assign = false) => {
    if (!directive || invalid || (assign && assignBlocked)) {
      setError(t('directiveImport.confirm.blocked'));
      return;
    }
    setError(null);
    setConfirmError(null);
    setBusy(assign ? 'assign' : 'confirm');
    try {
      const created = await confirmImport.mutateAsync(toConfirmRequest(directive, rows, assign));
      showToast(
        'success',
        t(assign ? 'directiveImport.confirm.assignDone' : 'directiveImport.confirm.done', {
          number: created.directive.number,
          count: created.taskIds.length,
        }),
      );
      // The board's URL filter for a directive is `directive`; its drafts sit in the Dự thảo column.
      void navigate(`/?directive=${encodeURIComponent(created.directive.id)}`);
    } catch (e) {
      // Shown beside the button that was pressed (the page top is far above the table by now).
      setConfirmError(describe(e));
      if (e instanceof ApiError && e.code === 'DIRECTIVE_EXISTS')
        void queryClient.invalidateQueries({ queryKey: queryKeys.directives });
    } finally {
      setBusy(null);
    }
  };

  const restart = () => {
    setConfirmError(null);
    setProposal(null);
    setDirective(null);
    setRows([]);
    setError(null);
  };

  const setDir = (patch: Partial<DraftDirective>) => setDirective((d) => (d ? { ...d, ...patch } : d));
  const low = rows.filter((r) => r.confidence !== null && r.confidence < DIRECTIVE_IMPORT_LOW_CONFIDENCE).length;

  return (
    <div className="import-page" data-testid="import-page">
      <h1>{t('directiveImport.title')}</h1>
      <p className="hint">{t('directiveImport.intro')}</p>

      {!proposal && (
        <section className="import-input">
          <label className="import-text">
            <span>{t('directiveImport.input.text')}</span>
            <textarea
              data-testid="import-text"
              rows={12}
              value={text}
              placeholder={t('directiveImport.input.textPlaceholder')}
              onChange={(e) => setText(e.target.value)}
              disabled={busy !== null || file !== null}
            />
          </label>
          <div className="import-file">
            <div className="import-file-field">
              <span aria-hidden="true">{t('directiveImport.input.file')}</span>
              <FilePicker
                key={fileKey}
                label={t('directiveImport.input.file')}
                data-testid="import-file"
                accept={DIRECTIVE_IMPORT_EXTENSIONS.join(',')}
                disabled={busy !== null}
                onChange={(e) => {
                  setError(null);
                  setFile(e.target.files?.[0] ?? null);
                }}
              />
            </div>
            <span className="hint">{t('directiveImport.input.fileHint', { mb: MB })}</span>
            {file && SCAN.test(file.name) && (
              <span className="hint" data-testid="import-ocr-hint">
                {t('directiveImport.input.ocrHint')}
              </span>
            )}
            {file && (
              <span className="import-chosen">
                {t('directiveImport.input.chosen', { name: file.name, size: sizeText(file.size) })}{' '}
                <button
                  type="button"
                  className="btn btn-ghost"
                  onClick={() => {
                    setFile(null);
                    setFileKey((k) => k + 1);
                  }}
                >
                  {t('directiveImport.input.clearFile')}
                </button>
              </span>
            )}
          </div>
          <div className="import-actions">
            <button
              type="button"
              className="btn btn-primary"
              data-testid="import-analyse"
              disabled={busy !== null}
              onClick={() => void analyse()}
            >
              {busy === 'analyse' ? t('directiveImport.input.analysing') : t('directiveImport.input.analyse')}
            </button>
            {progress !== null && (
              <span className="import-progress" data-testid="import-progress">
                <progress max={1} value={progress} />
                {progress < 1
                  ? t('directiveImport.input.uploading', { percent: Math.round(progress * 100) })
                  : t('directiveImport.input.analysing')}
              </span>
            )}
          </div>
        </section>
      )}

      {error && (
        <p className="form-error import-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}

      {proposal && directive && (
        <>
          <section className="import-directive" aria-labelledby="import-directive-heading">
            <h2 id="import-directive-heading">{t('directiveImport.directive.heading')}</h2>
            <div className="import-directive-grid">
              <label>
                <span>{t('directiveImport.directive.number')}</span>
                <input
                  data-testid="import-number"
                  value={directive.number}
                  aria-invalid={!directive.number.trim() || numberTaken || undefined}
                  aria-describedby={numberTaken ? 'import-number-taken' : undefined}
                  onChange={(e) => {
                    setDir({ number: e.target.value });
                    setConfirmError(null);
                  }}
                />
              </label>
              <label>
                <span>{t('directiveImport.directive.kind')}</span>
                <select
                  value={directive.kind}
                  onChange={(e) => setDir({ kind: e.target.value as DraftDirective['kind'] })}
                >
                  {DIRECTIVE_KIND_VALUES.map((k) => (
                    <option key={k} value={k}>
                      {t(`directiveImport.directive.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span>{t('directiveImport.directive.issuedOn')}</span>
                <DateField
                  value={directive.issuedOn}
                  label={t('directiveImport.directive.issuedOn')}
                  placeholder={t('directiveImport.table.datePlaceholder')}
                  invalidText={t('directiveImport.table.dateInvalid')}
                  onChange={(iso, valid) => setDir({ issuedOn: iso, issuedOnValid: valid })}
                />
              </label>
              <label className="wide">
                <span>{t('directiveImport.directive.title')}</span>
                <input
                  value={directive.title}
                  aria-invalid={(!directive.title.trim() && directive.classification !== 'top_secret') || undefined}
                  onChange={(e) => setDir({ title: e.target.value })}
                />
                {directive.classification === 'top_secret' && (
                  <span className="hint" data-testid="import-record-only">
                    {t('classification.recordOnlyImport', { title: RECORD_ONLY_DIRECTIVE_TITLE })}
                  </span>
                )}
              </label>
              <label>
                <span>{t('directiveImport.directive.issuer')}</span>
                <input value={directive.issuer} onChange={(e) => setDir({ issuer: e.target.value })} />
              </label>
              <label>
                <span>{t('directiveImport.directive.signer')}</span>
                <input value={directive.signer} onChange={(e) => setDir({ signer: e.target.value })} />
              </label>
              <label>
                <span>{t('directiveImport.directive.place')}</span>
                <input value={directive.place} onChange={(e) => setDir({ place: e.target.value })} />
              </label>
              <div className="import-classification">
                <ClassificationFields
                  testId="import-classification"
                  level={directive.classification}
                  contentReference={directive.contentReference}
                  onChange={(patch) =>
                    setDir({
                      ...(patch.level ? { classification: patch.level } : {}),
                      ...(patch.contentReference !== undefined ? { contentReference: patch.contentReference } : {}),
                    })
                  }
                />
              </div>
            </div>
            {numberTaken && (
              <p className="import-warning" role="status" id="import-number-taken" data-testid="import-number-taken">
                {t('directiveImport.directive.exists', { number: directive.number.trim() })}
              </p>
            )}
            {!directive.number.trim() && (
              <p className="import-warning" role="status">
                {t('directiveImport.directive.numberMissing')}
              </p>
            )}
          </section>

          <p className="import-summary">
            <span>{t('directiveImport.summary.tasks', { count: rows.length })}</span>
            {low > 0 && <span className="badge badge-low">{t('directiveImport.summary.low', { count: low })}</span>}
            {proposal.unmatchedAgencies.length > 0 && (
              <span className="badge badge-low">
                {t('directiveImport.summary.unmatched', { count: proposal.unmatchedAgencies.length })}
              </span>
            )}
            <span className="hint">
              {t('directiveImport.summary.source', {
                source: t(`directiveImport.summary.sources.${proposal.source.kind}`),
                lines: proposal.source.lines,
              })}
              {proposal.source.pages !== null &&
                `, ${t('directiveImport.summary.pages', { count: proposal.source.pages })}`}
            </span>
          </p>
          {proposal.source.ocr && (
            <p className="import-warning" role="status" data-testid="import-ocr-warning">
              {t('directiveImport.summary.ocr')}
            </p>
          )}
          <NewAgenciesPanel names={proposal.unmatchedAgencies} />

          <div className="import-table-wrap">
            <table className="import-table">
              <caption className="sr-only">{t('directiveImport.table.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('directiveImport.table.index')}</th>
                  <th scope="col">{t('directiveImport.table.task')}</th>
                  <th scope="col">{t('directiveImport.table.type')}</th>
                  <th scope="col">{t('directiveImport.table.field')}</th>
                  <th scope="col">{t('classification.level')}</th>
                  <th scope="col">{t('directiveImport.table.lead')}</th>
                  <th scope="col">{t('directiveImport.table.coordinating')}</th>
                  <th scope="col">{t('directiveImport.table.due')}</th>
                  <th scope="col">{t('directiveImport.table.confidence')}</th>
                  <th scope="col">
                    <span className="sr-only">{t('directiveImport.table.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => (
                  <ImportTaskRow
                    key={row.key}
                    row={row}
                    index={i}
                    agencies={agencies}
                    byId={byId}
                    directiveLevel={directive.classification}
                    onChange={changeRow}
                    onRemove={removeRow}
                  />
                ))}
              </tbody>
            </table>
            {rows.length === 0 && <p className="hint">{t('directiveImport.table.empty')}</p>}
          </div>

          {confirmError && (
            <p
              ref={confirmErrorRef}
              className="form-error import-error"
              role="alert"
              data-testid="import-confirm-error"
            >
              {confirmError}
            </p>
          )}
          <div className="import-actions">
            <button
              type="button"
              className="btn"
              data-testid="import-add-row"
              onClick={() => setRows((r) => [...r, emptyRow()])}
            >
              {t('directiveImport.table.addRow')}
            </button>
            <span className="spacer" />
            <button type="button" className="btn btn-ghost" onClick={restart} disabled={busy !== null}>
              {t('directiveImport.confirm.restart')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="import-confirm"
              disabled={busy !== null || invalid}
              title={invalid ? t('directiveImport.confirm.blocked') : undefined}
              onClick={() => void confirm()}
            >
              {busy === 'confirm'
                ? t('directiveImport.confirm.saving')
                : t('directiveImport.confirm.button', { count: rows.length })}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              data-testid="import-confirm-assign"
              disabled={busy !== null || invalid || assignBlocked}
              aria-describedby="import-assign-why"
              onClick={() => void confirm(true)}
            >
              {busy === 'assign' ? t('directiveImport.confirm.assigning') : t('directiveImport.confirm.assign')}
            </button>
          </div>
          <p id="import-assign-why" className="hint import-assign-why" data-testid="import-assign-why">
            {assignBlocked ? assignReasons.join(' ') : t('directiveImport.confirm.assignReady', { count: rows.length })}
          </p>
        </>
      )}
    </div>
  );
}
