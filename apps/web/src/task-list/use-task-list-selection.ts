import { useCallback, useMemo, useState } from 'react';
import { headerCheck, selectedInView, toggleAll, toggleOne } from './selection-model';

/** The list's multi-selection, limited to the rows shown (see selection-model.ts). */
export function useTaskListSelection(visibleIds: readonly string[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const ids = useMemo(() => selectedInView(selected, visibleIds), [selected, visibleIds]);
  const header = useMemo(() => headerCheck(selected, visibleIds), [selected, visibleIds]);
  const toggle = useCallback((id: string) => setSelected((prev) => toggleOne(prev, id)), []);
  const toggleEvery = useCallback(() => setSelected((prev) => toggleAll(prev, visibleIds)), [visibleIds]);
  const clear = useCallback(() => setSelected(new Set()), []);
  return { selected, ids, header, toggle, toggleAll: toggleEvery, clear };
}
