import type { RoleName } from '@dondoc/contracts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsNarrow } from '../common/use-media-query';
import { BoardFilterFields } from './board-filter-fields';
import { FiltersSheet } from './filters-sheet';
import { SearchBox } from './search-box';
import type { BoardFilters } from './use-board-filters';

interface Props {
  filters: BoardFilters;
  role: RoleName;
  onChange: (patch: Partial<BoardFilters>) => void;
  onClear: () => void;
}

/** The filters behind the "Bộ lọc" button on a phone (all but the search): those that differ from the default. */
export function countHiddenFilters(f: BoardFilters): number {
  const isBoard = f.view === 'board';
  return [
    f.directiveId,
    f.agencyId,
    f.field,
    f.deadlineStatus,
    f.attention,
    f.mine,
    f.watching,
    f.key,
    isBoard && f.lanes !== 'none',
    isBoard && f.showCancelled,
  ].filter(Boolean).length;
}

/**
 * Search and filters. On a wide screen all of them in the toolbar; on a phone the search box stays and the
 * rest go behind one "Bộ lọc (n)" button that opens a full-screen sheet, so the board starts on screen one.
 */
export function BoardFiltersBar({ filters, role, onChange, onClear }: Props) {
  const { t } = useTranslation();
  const narrow = useIsNarrow();
  const [sheetOpen, setSheetOpen] = useState(false);
  const onQ = useCallback((q: string) => onChange({ q }), [onChange]);
  const hidden = countHiddenFilters(filters);
  const fields = <BoardFilterFields filters={filters} role={role} onChange={onChange} onClear={onClear} />;

  if (!narrow) {
    return (
      <div className="board-filters" role="search" aria-label={t('board.filters.label')}>
        <SearchBox value={filters.q} onChange={onQ} />
        {fields}
      </div>
    );
  }
  return (
    <div className="board-filters is-narrow">
      <div role="search" aria-label={t('board.filters.search')} className="board-filters-search">
        <SearchBox value={filters.q} onChange={onQ} />
      </div>
      <button
        type="button"
        className={`btn filters-button${hidden > 0 ? ' is-on' : ''}`}
        data-testid="filters-button"
        aria-haspopup="dialog"
        aria-expanded={sheetOpen}
        onClick={() => setSheetOpen(true)}
      >
        {hidden > 0 ? t('board.filters.buttonCount', { n: hidden }) : t('board.filters.button')}
      </button>
      {sheetOpen && <FiltersSheet onClose={() => setSheetOpen(false)}>{fields}</FiltersSheet>}
    </div>
  );
}
