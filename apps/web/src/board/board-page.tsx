import type { TaskSummaryDto } from '@dondoc/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/use-agencies';
import { useDirectives } from '../api/use-directives';
import { useActor } from '../auth/use-actor';
import { useSession } from '../auth/use-session';
import { PeopleNamesProvider } from '../people/people-names';
import { TaskDrawer } from '../task-drawer/task-drawer';
import { ToastRegion } from '../transitions/toast-region';
import { TransitionProvider } from '../transitions/transition-provider';
import './board.css';
import { BoardContent } from './board-content';
import { BoardFiltersBar } from './board-filters';
import { BoardViewTabs } from './board-view-tabs';
import { useBoardFilters, type BoardView } from './use-board-filters';
import { useBoardTasks } from './use-board-tasks';
import { useColumnTasks } from './use-column-tasks';
import { columnsFor } from './board-model';

const NO_TASKS: TaskSummaryDto[] = [];
const ALL_VIEWS: readonly BoardView[] = ['board', 'list', 'review'];
const AGENCY_VIEWS: readonly BoardView[] = ['board', 'list'];

/** The kanban board of tasks (route `/`), with its filters in the URL and the task drawer on top. */
export function BoardPage() {
  const { t } = useTranslation();
  const session = useSession();
  const user = session?.user;
  const { filters, update, clear, openTask } = useBoardFilters(user?.role);
  // The kanban board reads a first page per column; the list and the review queue sort and count every task.
  const kanban = filters.view === 'board';
  const states = useMemo(
    () => columnsFor(user?.role ?? 'agency', filters.showCancelled),
    [user?.role, filters.showCancelled],
  );
  const whole = useBoardTasks(filters, !kanban);
  const columns = useColumnTasks(filters, states, kanban);
  const query = kanban ? columns : whole;
  const { byId: agencies } = useAgencies();
  const { byId: directives } = useDirectives();
  const actor = useActor();
  if (!actor || !user) return null;
  const items = (kanban ? columns.data?.items : whole.data?.items) ?? NO_TASKS;
  const ready = query.data !== undefined;

  return (
    <TransitionProvider>
      <div
        className="board-page"
        data-testid="board"
        data-ready={ready ? 'true' : 'false'}
        data-view={filters.view}
        aria-busy={query.isFetching}
      >
        <div className="board-toolbar">
          <h1 className="sr-only">{t('board.title')}</h1>
          {/* The review queue is the Standing Committee's (and the Office's, who follows it); not an agency's. */}
          <BoardViewTabs
            view={filters.view}
            views={user.role === 'agency' ? AGENCY_VIEWS : ALL_VIEWS}
            reviewCount={
              filters.view === 'review' && ready ? items.filter((x) => x.state === 'submitted').length : null
            }
            onChange={(view) => update({ view })}
          />
          <BoardFiltersBar filters={filters} role={user.role} onChange={update} onClear={clear} />
          {query.isFetching && ready && (
            <span className="refreshing" aria-live="polite">
              {t('board.states.refreshing')}
            </span>
          )}
        </div>
        <PeopleNamesProvider>
          <BoardContent
            query={query}
            columns={kanban ? columns : undefined}
            items={items}
            filters={filters}
            role={user.role}
            actor={actor}
            agencies={agencies}
            directives={directives}
            onOpen={openTask}
            onClear={clear}
          />
        </PeopleNamesProvider>
        <ToastRegion />
      </div>
      <TaskDrawer />
    </TransitionProvider>
  );
}
