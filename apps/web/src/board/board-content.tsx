import type { AgencyDto, DirectiveDto, RoleName, TaskSummaryDto } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { columnsFor, narrowTasks } from './board-model';
import { BoardStatePanel } from './board-state-panel';
import { KanbanBoard } from './kanban-board';
import { TaskListView } from '../task-list/task-list-view';
import { ReviewQueues } from './review-queues';
import { hasNarrowingFilters, type BoardFilters } from './use-board-filters';
import { useToday } from './use-today';
import type { BoardQuery, ColumnTasks } from './use-column-tasks';

interface Props {
  query: BoardQuery & { data: unknown };
  /** The kanban board's columns read a page each: their counts and the cards still to read. */
  columns?: ColumnTasks;
  items: readonly TaskSummaryDto[];
  filters: BoardFilters;
  role: RoleName;
  actor: Actor;
  agencies: ReadonlyMap<string, AgencyDto>;
  directives: ReadonlyMap<string, DirectiveDto>;
  onOpen: (taskId: string) => void;
  onClear: () => void;
}

/** Loading, error or empty state, else the board or the review queue. */
export function BoardContent({
  query,
  columns,
  items,
  filters,
  role,
  actor,
  agencies,
  directives,
  onOpen,
  onClear,
}: Props) {
  const { t } = useTranslation();
  const today = useToday();
  const { agencyId, attention, view } = filters;

  const visible = useMemo(() => narrowTasks(items, { agencyId, attention, view }), [items, agencyId, attention, view]);

  if (query.isPending) return <BoardStatePanel testId="board-loading" title={t('board.states.loading')} />;
  if (query.isError && !query.data) {
    const network = query.error instanceof ApiError && query.error.status === 0;
    return (
      <BoardStatePanel
        testId="board-error"
        role="alert"
        title={t('board.states.errorTitle')}
        hint={network ? t('common.networkError') : t('board.states.errorHint')}
      >
        <button type="button" className="btn btn-primary" onClick={() => void query.refetch()}>
          {t('common.retry')}
        </button>
      </BoardStatePanel>
    );
  }
  // The queues say for themselves when one is empty: the other may still hold work.
  if (view === 'review')
    return (
      <ReviewQueues
        tasks={visible}
        agencies={agencies}
        actor={actor}
        today={today}
        filtered={hasNarrowingFilters(filters)}
        agencyId={agencyId}
        onOpen={onOpen}
      />
    );
  if (visible.length === 0) {
    if (hasNarrowingFilters(filters))
      return (
        <BoardStatePanel
          testId="board-empty"
          title={t('board.states.emptyFiltered')}
          hint={t('board.states.emptyFilteredHint')}
        >
          <button type="button" className="btn btn-primary" data-testid="empty-clear-filters" onClick={onClear}>
            {t('board.filters.clear')}
          </button>
        </BoardStatePanel>
      );
    return (
      <BoardStatePanel
        testId="board-empty"
        title={t('board.states.emptyAll')}
        hint={role === 'agency' ? t('board.states.emptyAllAgency') : t('board.states.emptyAllOffice')}
      />
    );
  }
  if (view === 'list')
    return <TaskListView tasks={visible} role={role} agencies={agencies} directives={directives} onOpen={onOpen} />;
  return (
    <KanbanBoard
      tasks={visible}
      states={columnsFor(role, filters.showCancelled)}
      columns={columns}
      lanes={filters.lanes}
      agencies={agencies}
      directives={directives}
      actor={actor}
      today={today}
      onOpen={onOpen}
    />
  );
}
