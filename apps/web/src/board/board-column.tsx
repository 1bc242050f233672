import type { AgencyDto, TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import { useDroppable } from '@dnd-kit/core';
import { STATE_LABELS, type Actor } from '@dondoc/workflow';
import { memo, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/use-label';
import { ColumnList } from './column-list';

interface Props {
  state: TaskStateName;
  /** dnd-kit id: the state, or `lane|state` for a swimlane cell. */
  droppableId: string;
  tasks: readonly TaskSummaryDto[];
  /** The column's count when it differs from the cards loaded (a column read a page at a time). */
  count?: number;
  /** Cards of the column not loaded yet, and how to read more of them. */
  left?: number;
  /** The count and the cards left are lower bounds ("1000+"): the server stopped counting. */
  atLeast?: boolean;
  loadingMore?: boolean;
  onMore?: (state: TaskStateName) => void;
  /** Undefined while nothing is dragged; otherwise whether the dragged card may land here. */
  dropAllowed: boolean | undefined;
  /** A swimlane cell: no header of its own (the header row names the column). */
  cell?: boolean;
  agencies: ReadonlyMap<string, AgencyDto>;
  today: string;
  actor: Actor;
  onOpen: (taskId: string) => void;
}

/** One lifecycle column (or swimlane cell): a drop target whose list of cards is virtualised. */
export const BoardColumn = memo(function BoardColumn(props: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { state, tasks, dropAllowed, cell, left = 0, onMore } = props;
  const count = props.count ?? tasks.length;
  // Stable while a card is dragged, so the memoised list does not redraw when the drop hints change.
  const readMore = useCallback(() => onMore?.(state), [onMore, state]);
  const { setNodeRef, isOver } = useDroppable({ id: props.droppableId, data: { state } });
  const dragging = dropAllowed !== undefined;
  const title = label(STATE_LABELS[state]);

  return (
    <section
      ref={setNodeRef}
      className={`board-column state-${state}${cell ? ' is-cell' : ''}${isOver ? ' is-over' : ''}`}
      data-testid={cell ? `lane-cell-${props.droppableId}` : `column-${state}`}
      data-state={state}
      data-drop-allowed={dragging ? String(dropAllowed) : undefined}
      aria-label={cell ? undefined : title}
    >
      {!cell && (
        <header className="column-header">
          <h2>{title}</h2>
          <span
            className="column-count"
            data-testid={`count-${state}`}
            aria-label={t(props.atLeast ? 'board.column.countAtLeast' : 'board.column.count', { count })}
          >
            {props.atLeast ? `${count}+` : count}
          </span>
        </header>
      )}
      {dragging && (
        <div className={`drop-hint ${dropAllowed ? 'is-open' : 'is-closed'}`} aria-hidden="true">
          {dropAllowed ? t('board.column.dropHere') : t('board.column.closed')}
        </div>
      )}
      {tasks.length === 0 ? (
        <p className="column-empty">{t('board.column.empty')}</p>
      ) : (
        <ColumnList
          tasks={tasks}
          agencies={props.agencies}
          today={props.today}
          actor={props.actor}
          onOpen={props.onOpen}
          className={cell ? 'is-cell' : undefined}
          onNearEnd={left > 0 && onMore ? readMore : undefined}
        />
      )}
      {left > 0 && onMore && (
        <button
          type="button"
          className="column-more"
          data-testid={`more-${state}`}
          disabled={props.loadingMore}
          onClick={readMore}
        >
          {props.loadingMore
            ? t('board.column.loadingMore')
            : t(props.atLeast ? 'board.column.moreAtLeast' : 'board.column.more', { count: left })}
        </button>
      )}
    </section>
  );
});
