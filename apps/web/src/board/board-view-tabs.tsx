import { useTranslation } from 'react-i18next';
import type { BoardView } from './use-board-filters';

interface Props {
  view: BoardView;
  reviewCount: number | null;
  onChange: (view: BoardView) => void;
}

/** Kanban board or the Standing Committee's queue of submissions awaiting review. */
export function BoardViewTabs({ view, reviewCount, onChange }: Props) {
  const { t } = useTranslation();
  const tab = (value: BoardView, text: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={view === value}
      className={`view-tab${view === value ? ' is-active' : ''}`}
      data-testid={`view-${value}`}
      onClick={() => onChange(value)}
    >
      {text}
    </button>
  );
  return (
    <div className="view-tabs" role="tablist" aria-label={t('board.views.label')}>
      {tab('board', t('board.views.board'))}
      {tab('review', reviewCount === null ? t('board.views.review') : `${t('board.views.review')} (${reviewCount})`)}
    </div>
  );
}
