import type { RoleName } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import type { BoardFilters } from './use-board-filters';

interface Props {
  filters: BoardFilters;
  role: RoleName;
  onChange: (patch: Partial<BoardFilters>) => void;
}

/**
 * "Việc của tôi" for an agency's people (the tasks assigned to them), "Tôi theo dõi" for the Office (the tasks
 * it monitors), "Trọng tâm" for everyone: toggles kept in the URL like the other filters.
 */
export function PeopleFilterChips({ filters, role, onChange }: Props) {
  const { t } = useTranslation();
  const chip = (name: 'mine' | 'watching' | 'key', label: string) => (
    <button
      type="button"
      className={`btn chip chip-people${filters[name] ? ' is-on' : ''}`}
      aria-pressed={filters[name]}
      data-testid={`filter-${name}`}
      onClick={() => onChange({ [name]: !filters[name] })}
    >
      {label}
    </button>
  );
  return (
    <>
      {role === 'agency' && chip('mine', t('board.filters.mine'))}
      {role === 'office' && chip('watching', t('board.filters.watching'))}
      {role !== 'admin' && chip('key', t('board.filters.key'))}
    </>
  );
}
