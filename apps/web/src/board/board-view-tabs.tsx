import { useTranslation } from 'react-i18next';
import type { BoardView } from './use-board-filters';

interface Props {
  view: BoardView;
  /** The tabs this role has, in order: agencies have no review queue. */
  views: readonly BoardView[];
  reviewCount: number | null;
  onChange: (view: BoardView) => void;
}

/** Kanban board, the list of the same tasks, or the Standing Committee's queue of submissions awaiting review. */
export function BoardViewTabs({ view, views, reviewCount, onChange }: Props) {
  const { t } = useTranslation();
  const text = (value: BoardView) => {
    if (value === 'board') return t('board.views.board');
    if (value === 'list') return t('board.views.list');
    return reviewCount === null ? t('board.views.review') : `${t('board.views.review')} (${reviewCount})`;
  };
  return (
    <div className="view-tabs" role="tablist" aria-label={t('board.views.label')}>
      {views.map((value) => (
        <button
          key={value}
          type="button"
          role="tab"
          aria-selected={view === value}
          className={`view-tab${view === value ? ' is-active' : ''}`}
          data-testid={`view-${value}`}
          onClick={() => onChange(value)}
        >
          {text(value)}
        </button>
      ))}
    </div>
  );
}
