/**
 * The official order being edited on the admin screen: a list of agency ids, moved one place at a time
 * (keyboard-friendly buttons rather than dragging), saved whole.
 */

/** A copy of `ids` with the one at `index` moved by `delta` places; unchanged when it would leave the list. */
export function moveId(ids: readonly string[], index: number, delta: -1 | 1): string[] {
  const to = index + delta;
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/**
 * The draft order against what the server now lists: ids it no longer lists are dropped, agencies it lists
 * that the draft lacks (registered meanwhile) come last in the server's order, so saving names every agency.
 */
export function reconcileOrder(draft: readonly string[], server: readonly string[]): string[] {
  const listed = new Set(server);
  const kept = draft.filter((id) => listed.has(id));
  const inDraft = new Set(kept);
  return [...kept, ...server.filter((id) => !inDraft.has(id))];
}

/** Whether two orders differ. */
export function orderChanged(a: readonly string[], b: readonly string[]): boolean {
  return a.length !== b.length || a.some((id, i) => id !== b[i]);
}
