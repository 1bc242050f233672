import type { CalendarChangeResult, CalendarYearDto } from '@dondoc/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarApiError } from './calendar-api-error';
import { CalendarDayRow } from './calendar-day-row';
import {
  draftFrom,
  draftProblems,
  initialDraft,
  newDraftKey,
  problemCount,
  saveRequest,
  type DraftDay,
  type DraftProblems,
  type YearDraft,
} from './calendar-model';
import { useSaveCalendarYear } from './use-calendar';

interface Props {
  year: CalendarYearDto;
  onSaved: (result: CalendarChangeResult) => void;
  onClose: () => void;
}

/**
 * The Office enters the Government's schedule for a year: starting from the computed defaults or the entry in
 * force, adding, removing and renaming days, with the announcing document; the API checks again.
 */
export function CalendarEditor({ year, onSaved, onClose }: Props) {
  const { t } = useTranslation();
  const sourceId = useId();
  const [draft, setDraft] = useState<YearDraft>(() => initialDraft(year));
  const [problems, setProblems] = useState<DraftProblems | null>(null);
  const save = useSaveCalendarYear(year.year);

  const update = (next: YearDraft) => {
    setDraft(next);
    // Once shown, problems follow the edits, so a fixed line stops being marked at once.
    if (problems) setProblems(draftProblems(year.year, next));
  };
  const patchDay = (key: string, patch: Partial<DraftDay>) =>
    update({ ...draft, days: draft.days.map((d) => (d.key === key ? { ...d, ...patch } : d)) });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found = draftProblems(year.year, draft);
    setProblems(found);
    const body = saveRequest(year.year, draft);
    if (!body) return;
    save.mutate(body, { onSuccess: onSaved });
  };

  const count = problems ? problemCount(problems) : 0;
  return (
    <form className="calendar-editor" onSubmit={onSubmit} noValidate data-testid="calendar-editor">
      <h3>{t('calendar.edit.title', { year: year.year })}</h3>
      <p className="drawer-hint">{t('calendar.edit.hint')}</p>
      <div className="calendar-editor-starts">
        <button
          type="button"
          className="btn"
          onClick={() => update(draftFrom(year.computed, draft.source))}
          data-testid="calendar-from-computed"
        >
          {t('calendar.edit.fromComputed')}
        </button>
        {year.official && (
          <button
            type="button"
            className="btn"
            onClick={() => year.official && update(draftFrom(year.official.days, year.official.source))}
            data-testid="calendar-from-current"
          >
            {t('calendar.edit.fromCurrent')}
          </button>
        )}
      </div>
      {draft.days.length === 0 ? (
        <p className="drawer-empty">{t('calendar.edit.noDays')}</p>
      ) : (
        <div className="periods-table-wrap">
          <table className="periods-table calendar-edit-table">
            <caption className="sr-only">{t('calendar.edit.days')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('calendar.edit.date')}</th>
                <th scope="col">{t('calendar.edit.kind')}</th>
                <th scope="col">{t('calendar.edit.name')}</th>
                <th scope="col">
                  <span className="sr-only">{t('calendar.edit.remove')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {draft.days.map((d) => (
                <CalendarDayRow
                  key={d.key}
                  day={d}
                  year={year.year}
                  problem={problems?.days.get(d.key)}
                  onChange={(patch) => patchDay(d.key, patch)}
                  onRemove={() => update({ ...draft, days: draft.days.filter((x) => x.key !== d.key) })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div>
        <button
          type="button"
          className="btn"
          onClick={() =>
            update({ ...draft, days: [...draft.days, { key: newDraftKey(), date: null, kind: 'off', name: '' }] })
          }
          data-testid="calendar-add-day"
        >
          + {t('calendar.edit.addDay')}
        </button>
      </div>
      {problems?.tooMany && <p className="field-error">{t('calendar.edit.problems.tooMany')}</p>}
      <label className="calendar-source-field" htmlFor={sourceId}>
        <span>
          {t('calendar.edit.source')}
          <span aria-hidden="true"> *</span>
        </span>
      </label>
      <input
        id={sourceId}
        value={draft.source}
        maxLength={300}
        required
        aria-invalid={problems?.source ? true : undefined}
        placeholder={t('calendar.edit.sourcePlaceholder')}
        onChange={(e) => update({ ...draft, source: e.target.value })}
        data-testid="calendar-edit-source"
      />
      {problems?.source && <span className="field-error">{t(`calendar.edit.problems.${problems.source}`)}</span>}
      {count > 0 && (
        <p className="field-error" role="alert">
          {t('calendar.edit.problems.summary', { count })}
        </p>
      )}
      <CalendarApiError error={save.error} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} disabled={save.isPending}>
          {t('calendar.edit.close')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={save.isPending} data-testid="calendar-save">
          {save.isPending ? t('calendar.edit.saving') : t('calendar.edit.save', { year: year.year })}
        </button>
      </div>
    </form>
  );
}
