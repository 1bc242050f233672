import type { AgencyDto, DirectiveDto, TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import { STATE_LABELS, type Actor } from '@dondoc/workflow';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassificationBadge } from '../classification/classification-badge';
import { useLabel } from '../common/use-label';
import { useRecentMoves } from '../transitions/recent-moves';
import { BoardColumn } from './board-column';
import { groupByState } from './board-model';
import { laneGroups, NO_LANE } from './lane-rows';
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
  /** Set on a phone, where the lanes show the one column the switcher picked (its tab panel). */
  panelId?: string;
}

/** Swimlanes: one row per lead agency or directive, each cut into the lifecycle columns. */
export function BoardLanes(props: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const { tasks, lanes, agencies, directives, states, allowed } = props;
  const recentMoves = useRecentMoves();

  const rows = useMemo(() => {
    const nameOf = (key: string) => {
      if (key === NO_LANE) return t('board.lane.noAgency');
      if (lanes === 'agency') return agencies.get(key)?.name ?? t('board.lane.unknown');
      const d = directives.get(key);
      return d ? `${d.number} – ${d.title}` : t('board.lane.unknown');
    };
    return laneGroups(tasks, lanes, agencies, directives, nameOf).map(({ key, tasks: list }) => ({
      key,
      name: nameOf(key),
      count: list.length,
      // A directive's lane carries its stamp; an agency's has none.
      level: lanes === 'directive' ? directives.get(key)?.classification : undefined,
      byState: groupByState(list),
    }));
  }, [tasks, lanes, agencies, directives, t, recentMoves]);

  const dropAllowed = (state: TaskStateName) => (allowed ? allowed.has(state) : undefined);

  return (
    <div
      className={`board-lanes${props.panelId ? ' is-single' : ''}`}
      id={props.panelId}
      role={props.panelId ? 'tabpanel' : undefined}
      aria-labelledby={props.panelId && states[0] ? `column-tab-${states[0]}` : undefined}
      style={{ ['--columns' as string]: states.length }}
    >
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
            {row.name} <ClassificationBadge level={row.level} /> <span className="column-count">{row.count}</span>
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
