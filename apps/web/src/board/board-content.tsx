import type { AgencyDto, DirectiveDto, Page, RoleName, TaskSummaryDto } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-client';
import { byWaitingTime, columnsFor, needsAttention } from './board-model';
import { BoardStatePanel } from './board-state-panel';
import { KanbanBoard } from './kanban-board';
import { ReviewList } from './review-list';
import { hasNarrowingFilters, type BoardFilters } from './use-board-filters';
import { useToday } from './use-today';

interface Props {
  query: UseQueryResult<Page<TaskSummaryDto>>;
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
export function BoardContent({ query, items, filters, role, actor, agencies, directives, onOpen, onClear }: Props) {
  const { t } = useTranslation();
  const today = useToday();
  const { agencyId, attention, view } = filters;

  const visible = useMemo(() => {
    let list = items;
    // The server's agencyId also matches coordinating agencies; the filter means the lead agency.
    if (agencyId) list = list.filter((task) => task.leadAgencyId === agencyId);
    if (attention) list = list.filter(needsAttention);
    if (view === 'review') list = list.filter((task) => task.state === 'submitted').sort(byWaitingTime);
    return list;
  }, [items, agencyId, attention, view]);

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
    if (view === 'review')
      return (
        <BoardStatePanel
          testId="board-empty"
          title={t('board.states.reviewEmpty')}
          hint={t('board.states.reviewEmptyHint')}
        />
      );
    return (
      <BoardStatePanel
        testId="board-empty"
        title={t('board.states.emptyAll')}
        hint={role === 'agency' ? t('board.states.emptyAllAgency') : t('board.states.emptyAllOffice')}
      />
    );
  }
  if (view === 'review')
    return <ReviewList tasks={visible} agencies={agencies} actor={actor} today={today} onOpen={onOpen} />;
  return (
    <KanbanBoard
      tasks={visible}
      states={columnsFor(role, filters.showCancelled)}
      lanes={filters.lanes}
      agencies={agencies}
      directives={directives}
      actor={actor}
      today={today}
      onOpen={onOpen}
    />
  );
}
