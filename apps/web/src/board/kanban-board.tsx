import type { AgencyDto, DirectiveDto, TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import {
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import type { Actor } from '@dondoc/workflow';
import { useCallback, useMemo, useState } from 'react';
import { useIsNarrow } from '../common/use-media-query';
import { useRecentMoves } from '../transitions/recent-moves';
import { dropTargets } from '../transitions/transition-rules';
import { BoardColumn } from './board-column';
import { BoardLanes } from './board-lanes';
import { groupByState } from './board-model';
import { ColumnSwitcher } from './column-switcher';
import { columnKeyboardCoordinates } from './keyboard-coordinates';
import { TaskCardBody } from './task-card-body';
import type { Lanes } from './use-board-filters';
import type { ColumnTasks } from './use-column-tasks';
import { useDndAnnouncements } from './use-dnd-announcements';
import { useDropHandler } from './use-drop-handler';

interface Props {
  tasks: readonly TaskSummaryDto[];
  states: readonly TaskStateName[];
  /** A page per column: each column's count is the server's, and it can read more. */
  columns?: ColumnTasks;
  lanes: Lanes;
  agencies: ReadonlyMap<string, AgencyDto>;
  directives: ReadonlyMap<string, DirectiveDto>;
  actor: Actor;
  today: string;
  onOpen: (taskId: string) => void;
}

// The mouse first (the pointer is where the person aims), then the overlapping rectangle (keyboard).
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

// Enter opens the task; Space picks it up, so the two never compete.
const KEYBOARD_CODES = {
  start: [KeyboardCode.Space],
  cancel: [KeyboardCode.Esc],
  end: [KeyboardCode.Space, KeyboardCode.Enter],
};

const PANEL_ID = 'board-column-panel';

/** The lifecycle columns (or swimlanes of them) in one dnd-kit context. */
export function KanbanBoard({ tasks, states, columns, lanes, agencies, directives, actor, today, onOpen }: Props) {
  const [active, setActive] = useState<{ task: TaskSummaryDto; targets: Set<TaskStateName> } | null>(null);
  const narrow = useIsNarrow();
  const mouse = useSensor(MouseSensor, { activationConstraint: { distance: 6 } });
  // On a tablet a finger scrolls the columns; a press held still picks the card up.
  const touch = useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 5 } });
  const keyboard = useSensor(KeyboardSensor, {
    coordinateGetter: columnKeyboardCoordinates,
    keyboardCodes: KEYBOARD_CODES,
  });
  // A phone shows one column: there is nowhere to drag to, so a finger only ever scrolls and the moves
  // are in the card's ⋯ menu (and the panel).
  const sensors = useSensors(mouse, narrow ? null : touch, keyboard);
  const onDrop = useDropHandler(actor);
  const isAllowed = useCallback((task: TaskSummaryDto, to: TaskStateName) => dropTargets(task, actor).has(to), [actor]);
  const accessibility = useDndAnnouncements(isAllowed);
  const recentMoves = useRecentMoves();
  const byState = useMemo(() => groupByState(tasks, recentMoves), [tasks, recentMoves]);

  const onDragStart = useCallback(
    (e: DragStartEvent) => {
      const task = (e.active.data.current as { task?: TaskSummaryDto } | undefined)?.task;
      if (task) setActive({ task, targets: dropTargets(task, actor) });
    },
    [actor],
  );
  const onDragEnd = useCallback(
    (e: DragEndEvent) => {
      setActive(null);
      const task = (e.active.data.current as { task?: TaskSummaryDto } | undefined)?.task;
      const to = (e.over?.data.current as { state?: TaskStateName } | undefined)?.state;
      if (task && to) onDrop(task, to);
    },
    [onDrop],
  );
  const onDragCancel = useCallback(() => setActive(null), []);
  const allowed = (state: TaskStateName) => (active ? active.targets.has(state) : undefined);

  // The phone's one column: the one picked, else the first with tasks.
  const [chosen, setChosen] = useState<TaskStateName | null>(null);
  const current =
    chosen && states.includes(chosen)
      ? chosen
      : (states.find((s) => (byState.get(s)?.length ?? 0) > 0) ?? states[0] ?? 'assigned');
  const paged = columns?.data;
  const counts = useMemo(
    () => new Map(states.map((s) => [s, paged?.counts.get(s) ?? byState.get(s)?.length ?? 0])),
    [states, byState, paged],
  );
  const shown = narrow ? [current] : states;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collision}
      accessibility={accessibility}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      {narrow && (
        <ColumnSwitcher
          states={states}
          counts={counts}
          countsAtLeast={paged?.atLeast}
          current={current}
          panelId={PANEL_ID}
          onChange={setChosen}
        />
      )}
      {lanes === 'none' ? (
        <div
          className={`board-columns${narrow ? ' is-single' : ''}`}
          id={narrow ? PANEL_ID : undefined}
          role={narrow ? 'tabpanel' : undefined}
          aria-labelledby={narrow ? `column-tab-${current}` : undefined}
        >
          {shown.map((state) => (
            <BoardColumn
              key={state}
              state={state}
              droppableId={state}
              tasks={byState.get(state) ?? []}
              count={counts.get(state) ?? 0}
              left={paged?.left.get(state) ?? 0}
              atLeast={paged?.atLeast.has(state) ?? false}
              loadingMore={columns?.loadingMore.has(state) ?? false}
              onMore={columns?.loadMore}
              dropAllowed={allowed(state)}
              agencies={agencies}
              today={today}
              actor={actor}
              onOpen={onOpen}
            />
          ))}
        </div>
      ) : (
        <BoardLanes
          tasks={tasks}
          byState={byState}
          states={shown}
          panelId={narrow ? PANEL_ID : undefined}
          lanes={lanes}
          agencies={agencies}
          directives={directives}
          allowed={active ? active.targets : null}
          actor={actor}
          today={today}
          onOpen={onOpen}
        />
      )}
      <DragOverlay dropAnimation={null}>
        {active && (
          <div className="task-card is-overlay">
            <TaskCardBody
              task={active.task}
              agencyName={active.task.leadAgencyId ? (agencies.get(active.task.leadAgencyId)?.name ?? null) : null}
              today={today}
            />
          </div>
        )}
      </DragOverlay>
    </DndContext>
  );
}
