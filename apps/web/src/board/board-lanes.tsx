import {
  type AgencyDto,
  type DirectiveDto,
  type TaskStateName,
  type TaskSummaryDto,
  compareVietnamese,
} from '@dondoc/contracts';
import { STATE_LABELS, type Actor } from '@dondoc/workflow';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/use-label';
import { useRecentMoves } from '../transitions/recent-moves';
import { BoardColumn } from './board-column';
import { groupByState } from './board-model';
import type { Lanes } from './use-board-filters';

interface Props {
  tasks: readonly TaskSummaryDto[];
  byState: ReadonlyMap<TaskStateName, TaskSummaryDto[]>;
  states: readonly TaskStateName[];
  lanes: Exclude<Lanes, 'none'>;
  agencies: ReadonlyMap<string, AgencyDto>;
  directives: ReadonlyMap<string, DirectiveDto>;
  /** Columns the dragged card may land on; null while nothing is dragged. */
  allowed: ReadonlySet<TaskStateName> | null;
  actor: Actor;
  today: string;
  onOpen: (taskId: string) => void;
}

const NONE = '-';

/** Swimlanes: one row per lead agency or directive, each cut into the lifecycle columns. */
export function BoardLanes(props: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { tasks, lanes, agencies, directives, states, allowed } = props;
  const recentMoves = useRecentMoves();

  const rows = useMemo(() => {
    const groups = new Map<string, TaskSummaryDto[]>();
    for (const task of tasks) {
      const key = (lanes === 'agency' ? task.leadAgencyId : task.directiveId) ?? NONE;
      const list = groups.get(key);
      if (list) list.push(task);
      else groups.set(key, [task]);
    }
    const nameOf = (key: string) => {
      if (key === NONE) return t('board.lane.noAgency');
      if (lanes === 'agency') return agencies.get(key)?.name ?? t('board.lane.unknown');
      const d = directives.get(key);
      return d ? `${d.number} – ${d.title}` : t('board.lane.unknown');
    };
    return Array.from(groups, ([key, list]) => ({
      key,
      name: nameOf(key),
      count: list.length,
      byState: groupByState(list),
    })).sort((a, b) => compareVietnamese(a.name, b.name));
  }, [tasks, lanes, agencies, directives, t, recentMoves]);

  const dropAllowed = (state: TaskStateName) => (allowed ? allowed.has(state) : undefined);

  return (
    <div className="board-lanes" style={{ ['--columns' as string]: states.length }}>
      <div className="lane-header-row">
        {states.map((state) => (
          <div
            key={state}
            className={`board-column-head state-${state}`}
            data-testid={`column-${state}`}
            data-state={state}
            data-drop-allowed={allowed ? String(allowed.has(state)) : undefined}
          >
            <h2>{label(STATE_LABELS[state])}</h2>
            <span className="column-count" data-testid={`count-${state}`}>
              {props.byState.get(state)?.length ?? 0}
            </span>
          </div>
        ))}
      </div>
      {rows.map((row) => (
        <section key={row.key} className="lane" data-testid={`lane-${row.key}`} aria-label={row.name}>
          <h3 className="lane-title">
            {row.name} <span className="column-count">{row.count}</span>
          </h3>
          <div className="lane-row">
            {states.map((state) => (
              <BoardColumn
                key={state}
                cell
                state={state}
                droppableId={`${row.key}|${state}`}
                tasks={row.byState.get(state) ?? []}
                dropAllowed={dropAllowed(state)}
                agencies={agencies}
                today={props.today}
                actor={props.actor}
                onOpen={props.onOpen}
              />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
