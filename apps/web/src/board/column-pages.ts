import type { TaskStateName, TaskSummaryDto } from '@dondoc/contracts';

/** One column's first cards as the server sent them, and how many the column holds in all. */
export interface ColumnPage {
  state: TaskStateName;
  items: readonly TaskSummaryDto[];
  total: number;
  /** The server counted only up to `total`: more match. */
  totalCapped?: boolean;
}

export interface ColumnsShown {
  /** Every card once: a card both in a stale page and in a fresher one is taken at its latest version. */
  items: TaskSummaryDto[];
  /** Each column's count, with the moves its page does not know of yet. */
  counts: Map<TaskStateName, number>;
  /** Cards of the column not loaded yet. */
  left: Map<TaskStateName, number>;
  /** Columns whose count and cards left are "more than" (the server stopped counting). */
  atLeast: Set<TaskStateName>;
}

/**
 * What the board shows from one page per column. A card moved here (optimistically, or by a refetch of one
 * column only) is still in the page it was read in, with its new state: it leaves that column's count and
 * joins its new column's, until that column's own page has it.
 */
export function columnsShown(pages: readonly ColumnPage[]): ColumnsShown {
  const latest = new Map<string, TaskSummaryDto>();
  const readIn = new Map<TaskStateName, Set<string>>();
  for (const page of pages) {
    readIn.set(page.state, new Set(page.items.map((t) => t.id)));
    for (const task of page.items) {
      const seen = latest.get(task.id);
      if (!seen || task.version > seen.version) latest.set(task.id, task);
    }
  }
  const counts = new Map<TaskStateName, number>(pages.map((p) => [p.state, p.total]));
  for (const [id, task] of latest) {
    for (const page of pages) {
      const here = readIn.get(page.state)?.has(id) ?? false;
      if (here && task.state !== page.state) counts.set(page.state, (counts.get(page.state) ?? 0) - 1);
      if (!here && task.state === page.state) counts.set(page.state, (counts.get(page.state) ?? 0) + 1);
    }
  }
  const left = new Map(pages.map((p) => [p.state, Math.max(0, p.total - p.items.length)]));
  const atLeast = new Set(pages.filter((p) => p.totalCapped).map((p) => p.state));
  return { items: [...latest.values()], counts, left, atLeast };
}

type ListEntry = readonly [
  key: readonly unknown[],
  page: { items: readonly TaskSummaryDto[]; total: number } | undefined,
];

const filtersOf = (key: readonly unknown[]) => (key[2] ?? {}) as { state?: string; limit?: number; countUpTo?: number };
// How much of a column is read (and counted) is not which board it is.
const narrowingOf = (key: readonly unknown[]) => {
  const { state: _state, limit: _limit, countUpTo: _countUpTo, ...rest } = filtersOf(key);
  return JSON.stringify(rest);
};

/**
 * The cached task lists after `task` changed: every copy replaced, and a card that moved out of a column's
 * page put at the top of its new column's page of the same board (same filters) with that count one higher.
 * Otherwise a refetch of the old column before the new one would take the card off the board for a moment,
 * and the focus that followed it with it.
 */
export function listsWithTask<E extends ListEntry>(lists: readonly E[], task: TaskSummaryDto): E[] {
  const changed: E[] = [];
  const boards = new Set<string>();
  for (const entry of lists) {
    const [key, page] = entry;
    const at = page ? page.items.findIndex((t) => t.id === task.id) : -1;
    if (!page || at < 0) continue;
    const items = page.items.slice();
    items[at] = task;
    changed.push([key, { ...page, items }] as unknown as E);
    const state = filtersOf(key).state;
    if (state && !state.includes(',') && state !== task.state) boards.add(narrowingOf(key));
  }
  for (const entry of lists) {
    const [key, page] = entry;
    if (!page || filtersOf(key).state !== task.state || !boards.has(narrowingOf(key))) continue;
    if (page.items.some((t) => t.id === task.id)) continue;
    changed.push([key, { ...page, items: [task, ...page.items], total: page.total + 1 }] as unknown as E);
  }
  return changed;
}
