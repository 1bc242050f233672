import { FIELD_VALUES, type RoleName } from '@dondoc/contracts';
import { DEADLINE_STATUS_LABELS } from '@dondoc/workflow';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/use-agencies';
import { useDirectives } from '../api/use-directives';
import { useLabel } from '../common/use-label';
import { FilterSelect } from './filter-select';
import { PeopleFilterChips } from './people-filter-chips';
import { hasNarrowingFilters, type BoardFilters, type Lanes } from './use-board-filters';

interface Props {
  filters: BoardFilters;
  role: RoleName;
  onChange: (patch: Partial<BoardFilters>) => void;
  onClear: () => void;
}

const DEADLINE_KEYS = Object.keys(DEADLINE_STATUS_LABELS) as (keyof typeof DEADLINE_STATUS_LABELS)[];

/**
 * Directive, agency, field, deadline status; swimlanes and the cancelled column on the board. In the
 * toolbar on a wide screen, in the filters sheet on a phone.
 */
export function BoardFilterFields({ filters, role, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { agencies } = useAgencies();
  const { directives } = useDirectives();
  // The router applies URL changes in a transition; a checkbox bound only to the URL would flick back
  // for a moment after the click, so it keeps its own state, re-synced whenever the URL changes.
  const [showCancelled, setShowCancelled] = useState(filters.showCancelled);
  const [syncedCancelled, setSyncedCancelled] = useState(filters.showCancelled);
  if (filters.showCancelled !== syncedCancelled) {
    setSyncedCancelled(filters.showCancelled);
    setShowCancelled(filters.showCancelled);
  }

  // In the official order the API gives (the administrator's, Vietnamese order for the rest).
  const agencyOptions = useMemo(() => agencies.map((a) => ({ value: a.id, label: a.name })), [agencies]);
  const directiveOptions = directives.map((d) => ({ value: d.id, label: `${d.number} – ${d.title}` }));
  const fieldOptions = FIELD_VALUES.map((f) => ({ value: f, label: t(`field.${f}`) }));
  const deadlineOptions = DEADLINE_KEYS.map((k) => ({ value: k, label: label(DEADLINE_STATUS_LABELS[k]) }));
  const isBoard = filters.view === 'board';
  // The Office and the Standing Committee watch the whole province; an agency sees only its own tasks.
  const watchesProvince = role === 'office' || role === 'standing_committee' || role === 'inspector';

  return (
    <>
      <FilterSelect
        name="directiveId"
        label={t('board.filters.directive')}
        value={filters.directiveId}
        allLabel={t('board.filters.all')}
        options={directiveOptions}
        onChange={(directiveId) => onChange({ directiveId })}
      />
      <FilterSelect
        name="agencyId"
        label={t('board.filters.agency')}
        value={filters.agencyId}
        allLabel={t('board.filters.all')}
        options={agencyOptions}
        onChange={(agencyId) => onChange({ agencyId })}
      />
      <FilterSelect
        name="field"
        label={t('board.filters.field')}
        value={filters.field}
        allLabel={t('board.filters.all')}
        options={fieldOptions}
        onChange={(field) => onChange({ field })}
      />
      <FilterSelect
        name="deadlineStatus"
        label={t('board.filters.deadlineStatus')}
        value={filters.deadlineStatus}
        allLabel={t('board.filters.all')}
        options={deadlineOptions}
        onChange={(deadlineStatus) => onChange({ deadlineStatus })}
      />
      {isBoard && (
        <label className="filter">
          <span className="filter-label">{t('board.filters.lanes')}</span>
          <select
            name="lanes"
            data-testid="filter-lanes"
            value={filters.lanes}
            onChange={(e) => onChange({ lanes: e.target.value as Lanes })}
          >
            <option value="none">{t('board.filters.lanesNone')}</option>
            <option value="agency">{t('board.filters.lanesAgency')}</option>
            <option value="directive">{t('board.filters.lanesDirective')}</option>
          </select>
        </label>
      )}
      {watchesProvince && (
        <button
          type="button"
          className={`btn chip chip-attention${filters.attention ? ' is-on' : ''}`}
          aria-pressed={filters.attention}
          data-testid="filter-attention"
          onClick={() => onChange({ attention: !filters.attention })}
        >
          {t('board.filters.attention')}
        </button>
      )}
      <PeopleFilterChips filters={filters} role={role} onChange={onChange} />
      {isBoard && (
        <label className="filter-check">
          <input
            type="checkbox"
            name="showCancelled"
            data-testid="toggle-cancelled"
            checked={showCancelled}
            onChange={(e) => {
              setShowCancelled(e.target.checked);
              onChange({ showCancelled: e.target.checked });
            }}
          />
          {t('board.filters.showCancelled')}
        </label>
      )}
      {hasNarrowingFilters(filters) && (
        <button type="button" className="btn btn-ghost" data-testid="clear-filters" onClick={onClear}>
          {t('board.filters.clear')}
        </button>
      )}
    </>
  );
}
