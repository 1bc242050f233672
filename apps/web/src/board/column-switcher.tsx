import type { TaskStateName } from '@dondoc/contracts';
import { STATE_LABELS } from '@dondoc/workflow';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLabel } from '../common/use-label';

interface Props {
  states: readonly TaskStateName[];
  counts: ReadonlyMap<TaskStateName, number>;
  /** Counts that are lower bounds ("1000+"). */
  countsAtLeast?: ReadonlySet<TaskStateName>;
  current: TaskStateName;
  /** Id of the region showing the chosen column (aria-controls). */
  panelId: string;
  onChange: (state: TaskStateName) => void;
}

/**
 * On a phone the board shows one column at a time: these tabs (with their counts) pick it. Arrow keys,
 * Home and End move between tabs as in any tab list; only the chosen tab is in the Tab order.
 */
export function ColumnSwitcher({ states, counts, countsAtLeast, current, panelId, onChange }: Props) {
  const { t } = useTranslation();
  const label = useLabel();
  const listRef = useRef<HTMLDivElement>(null);

  const move = (to: TaskStateName) => {
    onChange(to);
    listRef.current?.querySelector<HTMLElement>(`[data-state="${to}"]`)?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const at = states.indexOf(current);
    let to: TaskStateName | undefined;
    if (e.key === 'ArrowRight') to = states[(at + 1) % states.length];
    else if (e.key === 'ArrowLeft') to = states[(at - 1 + states.length) % states.length];
    else if (e.key === 'Home') to = states[0];
    else if (e.key === 'End') to = states[states.length - 1];
    if (!to) return;
    e.preventDefault();
    move(to);
  };

  return (
    <div
      ref={listRef}
      className="column-switcher"
      role="tablist"
      aria-label={t('board.column.switcher')}
      data-testid="column-switcher"
      onKeyDown={onKeyDown}
    >
      {states.map((state) => {
        const selected = state === current;
        const count = counts.get(state) ?? 0;
        const atLeast = countsAtLeast?.has(state) ?? false;
        return (
          <button
            key={state}
            type="button"
            role="tab"
            id={`column-tab-${state}`}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className={`column-tab state-${state}${selected ? ' is-active' : ''}`}
            data-testid={`column-tab-${state}`}
            data-state={state}
            onClick={() => onChange(state)}
          >
            {label(STATE_LABELS[state])}
            <span
              className="column-count"
              aria-label={t(atLeast ? 'board.column.countAtLeast' : 'board.column.count', { count })}
            >
              {atLeast ? `${count}+` : count}
            </span>
          </button>
        );
      })}
    </div>
  );
}
