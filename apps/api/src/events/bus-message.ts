/**
 * What arrives on Redis channel `dondoc.events`, from the worker's relay (task changes, read from the
 * outbox) and from the worker itself (notifications it wrote). Anything else on the channel is ignored:
 * Redis is shared, and a malformed message must never reach a browser.
 */
export type BusMessage =
  | { type: 'task.changed'; taskId: string; kind: string | null; requestId: string | null }
  | { type: 'notification'; userIds: string[]; taskId: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A relay batch never names more users than there are accounts; this only bounds a bad message. */
const MAX_USER_IDS = 10_000;

const shortText = (v: unknown): string | null => (typeof v === 'string' && v.length <= 200 ? v : null);

export function parseBusMessage(raw: string): BusMessage | undefined {
  let m: unknown;
  try {
    m = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!m || typeof m !== 'object') return undefined;
  const o = m as Record<string, unknown>;
  if (o.type === 'task.changed') {
    if (typeof o.taskId !== 'string' || !UUID.test(o.taskId)) return undefined;
    return { type: 'task.changed', taskId: o.taskId, kind: shortText(o.kind), requestId: shortText(o.requestId) };
  }
  if (o.type === 'notification') {
    if (!Array.isArray(o.userIds) || o.userIds.length > MAX_USER_IDS) return undefined;
    const userIds = o.userIds.filter((u): u is string => typeof u === 'string' && UUID.test(u));
    if (!userIds.length) return undefined;
    const taskId = typeof o.taskId === 'string' && UUID.test(o.taskId) ? o.taskId : null;
    return { type: 'notification', userIds, taskId };
  }
  return undefined;
}

/** The task changes of one batch, one per task and request (a transition writes several outbox rows). */
export function coalesceTaskChanges(
  batch: Extract<BusMessage, { type: 'task.changed' }>[],
): { taskId: string; requestId: string | null; kinds: string[] }[] {
  const out = new Map<string, { taskId: string; requestId: string | null; kinds: string[] }>();
  for (const m of batch) {
    const key = `${m.taskId} ${m.requestId ?? ''}`;
    let e = out.get(key);
    if (!e) out.set(key, (e = { taskId: m.taskId, requestId: m.requestId, kinds: [] }));
    if (m.kind && !e.kinds.includes(m.kind)) e.kinds.push(m.kind);
  }
  return [...out.values()];
}
