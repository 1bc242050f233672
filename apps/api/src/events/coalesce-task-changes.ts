import type { TaskChangedMessage } from '@dondoc/contracts';

/** What a browser is told about one task in one batch. */
export interface CoalescedTaskChange {
  taskId: string;
  requestId: string | null;
  /** The change kinds, in the order they came. */
  kinds: string[];
  /** The task's highest version among them, when the messages carried one. */
  version?: number;
}

/**
 * The task changes of one batch, one per task and request: a burst of changes (or, before the one-row
 * outbox, the several rows of one transition) costs a browser one refetch, not one per message.
 */
export function coalesceTaskChanges(batch: readonly TaskChangedMessage[]): CoalescedTaskChange[] {
  const out = new Map<string, CoalescedTaskChange>();
  for (const m of batch) {
    const key = `${m.taskId} ${m.requestId ?? ''}`;
    let e = out.get(key);
    if (!e) out.set(key, (e = { taskId: m.taskId, requestId: m.requestId, kinds: [] }));
    if (!e.kinds.includes(m.kind)) e.kinds.push(m.kind);
    if (m.version !== undefined && (e.version === undefined || m.version > e.version)) e.version = m.version;
  }
  return [...out.values()];
}
