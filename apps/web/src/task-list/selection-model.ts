/** What a list selection is made of, kept pure so the rules are unit-tested apart from React. */
export type Selection = ReadonlySet<string>;

export function toggleOne(selected: Selection, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/**
 * Only the rows on screen count: a task selected before the filter changed is not acted on while it is
 * hidden (a bulk action must do exactly what the person sees). Returned in the list's order.
 */
export function selectedInView(selected: Selection, visibleIds: readonly string[]): string[] {
  return visibleIds.filter((id) => selected.has(id));
}

export type HeaderCheck = 'none' | 'some' | 'all';

export function headerCheck(selected: Selection, visibleIds: readonly string[]): HeaderCheck {
  const count = selectedInView(selected, visibleIds).length;
  if (count === 0) return 'none';
  return count === visibleIds.length ? 'all' : 'some';
}

/** The header checkbox: selects every shown row, or clears them when all are already selected. */
export function toggleAll(selected: Selection, visibleIds: readonly string[]): Set<string> {
  if (headerCheck(selected, visibleIds) === 'all') return new Set();
  return new Set(visibleIds);
}

/** Keyboard moves in the grid; the index stays inside the rows. */
export function moveActive(index: number, key: string, count: number, pageSize: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, index + pageSize);
    case 'PageUp':
      return Math.max(0, index - pageSize);
    default:
      return null;
  }
}
