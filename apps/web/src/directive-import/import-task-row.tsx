import {
  DEADLINE_FROM_VALUES,
  DELIVERABLE_TYPE_VALUES,
  DIRECTIVE_IMPORT_LOW_CONFIDENCE,
  FIELD_VALUES,
  type AgencyDto,
} from '@dondoc/contracts';
import { isRecordOnly, type Classification } from '@dondoc/workflow';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassificationFields } from '../classification/classification-fields';
import { RECORD_ONLY_TASK_TITLE } from '../classification/classification-model';
import { DateField } from '../common/date-field';
import { ImportReasons } from './import-reasons';
import { displayDate } from '../common/date-text';
import {
  DEADLINE_KINDS,
  deadlineChanged,
  proposedMilestones,
  rowLevel,
  validWorkingDays,
  type DeadlineChoice,
  type DeadlineKind,
  type DraftRow,
} from './import-model';

/** "10 ngày làm việc kể từ ngày giao", "Thường xuyên", "30/06/2022" or "chưa có". */
function describeDeadline(d: DeadlineChoice, t: ReturnType<typeof useTranslation>['t']): string {
  if (d.deadlineKind === 'working_days' && d.workingDays) {
    return t('directiveImport.table.workingDaysLabel', {
      count: d.workingDays,
      from: t(`directiveImport.table.deadlineFroms.${d.deadlineFrom}`),
    });
  }
  if (d.deadlineKind === 'continuous') return t('directiveImport.table.deadlineKinds.continuous');
  return d.dueDate ? displayDate(d.dueDate) : t('directiveImport.table.noDeadline');
}

interface Props {
  row: DraftRow;
  index: number;
  agencies: AgencyDto[];
  byId: Map<string, AgencyDto>;
  /** The directive's level, which the row takes unless set higher. */
  directiveLevel: Classification;
  onChange: (key: string, patch: Partial<DraftRow>) => void;
  onRemove: (key: string) => void;
}

/** One proposed task, every field editable; low-confidence rows stand out. */
export const ImportTaskRow = memo(function ImportTaskRow({
  row,
  index,
  agencies,
  byId,
  directiveLevel,
  onChange,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  const n = index + 1;
  const set = (patch: Partial<DraftRow>) => onChange(row.key, patch);
  const low = row.confidence !== null && row.confidence < DIRECTIVE_IMPORT_LOW_CONFIDENCE;
  const suggested = row.leadUnmatched?.candidates ?? [];
  const suggestedIds = new Set(suggested.map((c) => c.id));
  const addable = agencies.filter((a) => a.id !== row.leadAgencyId && !row.coordinatingAgencyIds.includes(a.id));
  // A tuyệt mật row keeps no title: the Office's wording stays on this screen only.
  const recordOnly = isRecordOnly(rowLevel(row, { classification: directiveLevel }));
  const titleMissing = !row.title.trim() && !recordOnly;

  return (
    <tr
      className={`import-row${low ? ' is-low' : ''}${row.confidence === null ? ' is-added' : ''}`}
      data-testid={`import-row-${index}`}
      data-low={low ? 'true' : undefined}
    >
      <td className="import-index">{n}</td>
      <td className="import-task">
        <textarea
          aria-label={`${t('directiveImport.table.task')} ${n}`}
          value={row.title}
          rows={2}
          aria-invalid={titleMissing || undefined}
          onChange={(e) => set({ title: e.target.value })}
        />
        {titleMissing && <span className="field-error">{t('directiveImport.table.titleRequired')}</span>}
        {recordOnly && (
          <span className="hint" data-testid={`row-record-only-${index}`}>
            {t('classification.recordOnlyImport', { title: RECORD_ONLY_TASK_TITLE })}
          </span>
        )}
        <details>
          <summary>
            {row.lines
              ? t('directiveImport.table.original', { from: row.lines.from, to: row.lines.to })
              : t('directiveImport.table.originalNew')}
          </summary>
          <textarea
            aria-label={t('directiveImport.table.originalNew')}
            value={row.description}
            rows={5}
            onChange={(e) => set({ description: e.target.value })}
          />
          {row.reasons && <ImportReasons reasons={row.reasons} testId={`row-reasons-${index}`} />}
        </details>
      </td>
      <td className="import-select-cell">
        <select
          aria-label={`${t('directiveImport.table.type')} ${n}`}
          value={row.deliverableType}
          onChange={(e) => set({ deliverableType: e.target.value as DraftRow['deliverableType'] })}
        >
          {DELIVERABLE_TYPE_VALUES.map((v) => (
            <option key={v} value={v}>
              {t(`deliverable.${v}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="import-select-cell">
        <select
          aria-label={`${t('directiveImport.table.field')} ${n}`}
          value={row.field}
          className={row.fieldFound ? undefined : 'is-guess'}
          title={row.fieldFound ? undefined : t('directiveImport.table.fieldGuessed')}
          onChange={(e) => set({ field: e.target.value as DraftRow['field'], fieldFound: true })}
        >
          {FIELD_VALUES.map((v) => (
            <option key={v} value={v}>
              {t(`field.${v}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="import-select-cell import-level">
        <ClassificationFields
          testId={`row-classification-${index}`}
          rowLabel={String(n)}
          // A level the directive has since reached or passed is the directive's again.
          level={
            row.classification && rowLevel(row, { classification: directiveLevel }) !== directiveLevel
              ? row.classification
              : null
          }
          contentReference={row.contentReference}
          inheritFrom={directiveLevel}
          onChange={(patch) =>
            set({
              ...(patch.level !== undefined ? { classification: patch.level } : {}),
              ...(patch.contentReference !== undefined ? { contentReference: patch.contentReference } : {}),
            })
          }
        />
      </td>
      <td className="import-lead">
        <select
          aria-label={`${t('directiveImport.table.lead')} ${n}`}
          value={row.leadAgencyId ?? ''}
          className={row.leadUnmatched && !row.leadAgencyId ? 'is-unmatched' : undefined}
          onChange={(e) => {
            const id = e.target.value || null;
            set({
              leadAgencyId: id,
              leadSuggested: false,
              coordinatingAgencyIds: row.coordinatingAgencyIds.filter((c) => c !== id),
            });
          }}
        >
          <option value="">{t('directiveImport.table.noLead')}</option>
          {suggested.length > 0 && (
            <optgroup label={t('directiveImport.table.suggestions', { raw: row.leadUnmatched?.raw })}>
              {suggested.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label={t('directiveImport.table.allAgencies')}>
            {agencies
              .filter((a) => !suggestedIds.has(a.id))
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
          </optgroup>
        </select>
        {row.leadUnmatched && (
          <span className="import-raw">{t('directiveImport.table.written', { raw: row.leadUnmatched.raw })}</span>
        )}
        {row.leadSuggested && row.leadAgencyId && (
          <span className="import-raw is-suggested" data-testid={`row-lead-suggested-${index}`}>
            {t('importReasons.suggestedLead', { remit: row.reasons?.lead.evidence ?? '' })}
          </span>
        )}
      </td>
      <td className="import-coord">
        <ul className="chips">
          {row.coordinatingAgencyIds.map((id) => (
            <li key={id} className="chip">
              {byId.get(id)?.name ?? id}
              <button
                type="button"
                aria-label={t('directiveImport.table.removeCoord', { name: byId.get(id)?.name ?? id })}
                onClick={() => set({ coordinatingAgencyIds: row.coordinatingAgencyIds.filter((c) => c !== id) })}
              >
                ×
              </button>
            </li>
          ))}
          {row.coordinatingUnmatched.map((u) => (
            <li key={u.raw} className="chip chip-unmatched">
              <span>{t('directiveImport.table.unmatchedCoord', { raw: u.raw })}</span>
              <select
                aria-label={t('directiveImport.table.suggestions', { raw: u.raw })}
                value=""
                onChange={(e) =>
                  e.target.value &&
                  set({
                    coordinatingAgencyIds: [...row.coordinatingAgencyIds, e.target.value],
                    coordinatingUnmatched: row.coordinatingUnmatched.filter((x) => x !== u),
                  })
                }
              >
                <option value="">{t('directiveImport.table.resolveCoord')}</option>
                {[...u.candidates, ...addable.filter((a) => !u.candidates.some((c) => c.id === a.id))]
                  .filter((a) => a.id !== row.leadAgencyId && !row.coordinatingAgencyIds.includes(a.id))
                  .map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
              </select>
              <button
                type="button"
                aria-label={t('directiveImport.table.dismiss', { raw: u.raw })}
                onClick={() => set({ coordinatingUnmatched: row.coordinatingUnmatched.filter((x) => x !== u) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <select
          aria-label={`${t('directiveImport.table.addCoord')} (${n})`}
          value=""
          onChange={(e) =>
            e.target.value && set({ coordinatingAgencyIds: [...row.coordinatingAgencyIds, e.target.value] })
          }
        >
          <option value="">{t('directiveImport.table.addCoord')}</option>
          {addable.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </td>
      <td className="import-due">
        <select
          aria-label={`${t('directiveImport.table.deadlineKind')} ${n}`}
          value={row.deadlineKind}
          onChange={(e) => set({ deadlineKind: e.target.value as DeadlineKind })}
        >
          {DEADLINE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`directiveImport.table.deadlineKinds.${k}`)}
            </option>
          ))}
        </select>
        {row.deadlineKind === 'date' && (
          <DateField
            value={row.dueDate}
            label={`${t('directiveImport.table.due')} ${n}`}
            placeholder={t('directiveImport.table.datePlaceholder')}
            invalidText={t('directiveImport.table.dateInvalid')}
            onChange={(iso, valid) => set({ dueDate: iso, dueDateValid: valid })}
          />
        )}
        {row.deadlineKind === 'working_days' && (
          <span className="import-working-days">
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={365}
              step={1}
              aria-label={`${t('directiveImport.table.workingDays')} ${n}`}
              aria-invalid={!validWorkingDays(row.workingDays) || undefined}
              value={row.workingDays ?? ''}
              onChange={(e) => set({ workingDays: e.target.value === '' ? null : Number(e.target.value) })}
            />
            <span>{t('directiveImport.table.workingDaysUnit')}</span>
            <select
              aria-label={`${t('directiveImport.table.deadlineFrom')} ${n}`}
              value={row.deadlineFrom}
              onChange={(e) => set({ deadlineFrom: e.target.value as DraftRow['deadlineFrom'] })}
            >
              {DEADLINE_FROM_VALUES.map((f) => (
                <option key={f} value={f}>
                  {t(`directiveImport.table.deadlineFroms.${f}`)}
                </option>
              ))}
            </select>
            {validWorkingDays(row.workingDays) ? (
              <span className="import-raw">{t('directiveImport.table.workingDaysHint')}</span>
            ) : (
              <span className="field-error">{t('directiveImport.table.workingDaysInvalid')}</span>
            )}
          </span>
        )}
        {row.deadlineKind === 'continuous' && (
          <span className="import-raw">{t('directiveImport.table.continuousHint')}</span>
        )}
        {row.proposedDeadline && (
          <span className="import-raw" data-testid={`import-proposed-deadline-${index}`}>
            {t('directiveImport.table.proposed', { text: describeDeadline(row.proposedDeadline, t) })}
            {deadlineChanged(row) && (
              <button
                type="button"
                className="btn btn-ghost import-keep"
                aria-label={t('directiveImport.table.keepProposedRow', { n })}
                onClick={() => set({ ...row.proposedDeadline, dueDateValid: true })}
              >
                {t('directiveImport.table.keepProposed')}
              </button>
            )}
          </span>
        )}
        {row.dueText && <span className="import-raw">{t('directiveImport.table.dueText', { text: row.dueText })}</span>}
        {row.deadlineKind === 'date' && proposedMilestones(row).length > 0 && (
          <span className="import-raw">
            {t('directiveImport.table.milestones', {
              list: proposedMilestones(row)
                .map((m) => m.label)
                .join(', '),
            })}
          </span>
        )}
      </td>
      <td className="import-confidence">
        {row.confidence === null ? (
          <span className="badge badge-added">{t('directiveImport.table.added')}</span>
        ) : (
          <span
            className={`badge ${low ? 'badge-low' : 'badge-ok'}`}
            title={low ? t('directiveImport.table.low') : undefined}
          >
            {Math.round(row.confidence * 100)}%{low && ` · ${t('directiveImport.table.low')}`}
          </span>
        )}
      </td>
      <td className="import-remove">
        <button
          type="button"
          className="btn btn-ghost"
          aria-label={t('directiveImport.table.removeRow', { n })}
          onClick={() => onRemove(row.key)}
        >
          {t('directiveImport.table.remove')}
        </button>
      </td>
    </tr>
  );
});
