import { z } from 'zod';

/*
 * The contracts between processes that meet only in Redis and PostgreSQL: the API (publishes schedule
 * nudges, subscribes to events), the worker (subscribes to nudges, publishes events) and the task-change
 * writer (fills the outbox the worker's relay reads). Each side imports them from here; none copies them.
 */

// ---------------------------------------------------------------------------------------------------
// The deployment's prefix and its channels
// ---------------------------------------------------------------------------------------------------

/** `QUEUE_PREFIX` when unset: BullMQ keys `dondoc:escalations:*`, channels `dondoc.schedule` and `dondoc.events`. */
export const DEFAULT_DEPLOYMENT_PREFIX = 'dondoc';

/**
 * One deployment's name in a Redis server it may share with others (environment variable `QUEUE_PREFIX`,
 * read by the API and the worker alike): it prefixes the BullMQ keys and the bus channels.
 */
export const deploymentPrefixSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,100}$/, 'must be 1-100 letters, digits, ".", "_" or "-"');

export interface BusChannels {
  /** The API publishes here after a commit that changed the schedule or the outbox: it wakes the relay. */
  schedule: string;
  /** The worker's relay publishes task changes and notifications here, for every API's event stream. */
  events: string;
}

/**
 * The Redis channels of the deployment named `prefix`. Two deployments on one Redis server hear only
 * their own (`a.events` is never `b.events`, nor anyone's `.schedule`).
 */
export function busChannels(prefix: string): BusChannels {
  const parsed = deploymentPrefixSchema.safeParse(prefix);
  if (!parsed.success)
    throw new Error(`Invalid deployment prefix ${JSON.stringify(prefix)}: ${parsed.error.issues[0]?.message}`);
  return { schedule: `${prefix}.schedule`, events: `${prefix}.events` };
}

// ---------------------------------------------------------------------------------------------------
// Redis connection options
// ---------------------------------------------------------------------------------------------------

/** ioredis connection options (BullMQ takes the same); callers add their retry and queueing policy. */
export interface RedisConnectionOptions {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  /** Present for `rediss://`: TLS with the platform's certificate authorities. */
  tls?: Record<string, never>;
}

/** `redis://[user:password@]host[:port][/db]` or `rediss://...` (TLS) as ioredis options. */
export function redisOptions(url: string): RedisConnectionOptions {
  const u = new URL(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new Error(`Redis URL must start with redis:// or rediss://, not ${u.protocol}//`);
  }
  const db = Number(u.pathname.slice(1) || 0);
  if (!Number.isInteger(db) || db < 0) throw new Error(`Redis URL names no database number: ${u.pathname}`);
  return {
    host: u.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db,
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------
// Bus messages (on `busChannels(prefix).events`)
// ---------------------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = z.string().regex(UUID, 'must be a uuid');
/** A change kind as the outbox names it: 'ASSIGN', 'RETURN', 'COMMENT', 'remind_before', 'INCIDENT'... */
const changeKind = z.string().min(1).max(100);
/** X-Request-Id as the API accepts it (at most 64 characters); a little room for what older rows hold. */
const requestId = z.string().max(200);

/** Recipients per `notification` message; a longer list goes out as several messages. */
export const MAX_NOTIFICATION_USER_IDS = 1000;

export const taskChangedMessageSchema = z.object({
  type: z.literal('task.changed'),
  taskId: id,
  kind: changeKind,
  requestId: requestId.nullable().default(null),
  /** The task's version after the change (absent for outbox rows written before the payload contract). */
  version: z.number().int().nonnegative().optional(),
});
export type TaskChangedMessage = z.output<typeof taskChangedMessageSchema>;

export const notificationMessageSchema = z.object({
  type: z.literal('notification'),
  userIds: z.array(id).min(1).max(MAX_NOTIFICATION_USER_IDS),
  taskId: id.nullable().default(null),
  /** The change that notified them; null only from a worker older than this contract. */
  kind: changeKind.nullable().default(null),
});
export type NotificationMessage = z.output<typeof notificationMessageSchema>;

export const busMessageSchema = z.discriminatedUnion('type', [taskChangedMessageSchema, notificationMessageSchema]);
export type BusMessage = z.output<typeof busMessageSchema>;

/**
 * A message as received from the events channel, or undefined for anything that is not one: Redis may be
 * shared, and a malformed message must never reach a browser.
 */
export function parseBusMessage(raw: string): BusMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const parsed = busMessageSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The wire form of a message; throws if it breaks the schema (a publisher's bug, caught before Redis). */
export function encodeBusMessage(m: BusMessage): string {
  return JSON.stringify(busMessageSchema.parse(m));
}

/** A task changed: for the event streams of everyone who may see the task. */
export function taskChangedMessage(input: {
  taskId: string;
  kind: string;
  requestId?: string | null;
  version?: number;
}): TaskChangedMessage {
  return taskChangedMessageSchema.parse({
    type: 'task.changed',
    taskId: input.taskId,
    kind: input.kind,
    // A request id that does not fit is dropped, not allowed to stop the message.
    requestId: input.requestId && requestId.safeParse(input.requestId).success ? input.requestId : null,
    ...(input.version !== undefined ? { version: input.version } : {}),
  });
}

/**
 * Notifications were written for `userIds`: one message per at most MAX_NOTIFICATION_USER_IDS distinct
 * users, none when there is nobody to tell.
 */
export function notificationMessages(input: {
  userIds: readonly string[];
  taskId: string | null;
  kind: string;
}): NotificationMessage[] {
  const users = [...new Set(input.userIds)];
  const out: NotificationMessage[] = [];
  for (let i = 0; i < users.length; i += MAX_NOTIFICATION_USER_IDS) {
    out.push(
      notificationMessageSchema.parse({
        type: 'notification',
        userIds: users.slice(i, i + MAX_NOTIFICATION_USER_IDS),
        taskId: input.taskId,
        kind: input.kind,
      }),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The outbox payload (written by the task-change writer, read by the worker's relay)
// ---------------------------------------------------------------------------------------------------

/**
 * `outbox.payload` of a task change: one outbox row per change, `outbox.kind` = `change`. `recipients` are
 * the users whose notification rows this change inserted (possibly none): the relay tells exactly them,
 * without asking the database again.
 */
export const outboxPayloadSchema = z.object({
  v: z.literal(1),
  change: changeKind,
  taskId: id,
  taskVersion: z.number().int().nonnegative(),
  recipients: z.array(id),
});
export type OutboxPayload = z.output<typeof outboxPayloadSchema>;

/** A payload to write (for writers that build it in TypeScript rather than in SQL). */
export function outboxPayload(input: Omit<OutboxPayload, 'v'>): OutboxPayload {
  return outboxPayloadSchema.parse({ v: 1, ...input, recipients: [...new Set(input.recipients)] });
}

/** An undispatched outbox row as the relay reads it. */
export interface OutboxRow {
  task_id: string | null;
  kind: string;
  request_id: string | null;
  payload: unknown;
}

/**
 * What the relay publishes for one outbox row: its `task.changed`, and a `notification` for its
 * recipients when it has any. A row written before the payload contract (no `v`) is a `task.changed`
 * only, and so is a row whose payload breaks the contract (`payload: 'invalid'`, for the relay to log);
 * a row that names no task publishes nothing.
 */
export function busMessagesForOutboxRow(row: OutboxRow): {
  messages: BusMessage[];
  payload: 'v1' | 'legacy' | 'invalid';
} {
  const parsed = outboxPayloadSchema.safeParse(row.payload);
  if (parsed.success) {
    const p = parsed.data;
    return {
      payload: 'v1',
      messages: [
        taskChangedMessage({ taskId: p.taskId, kind: p.change, requestId: row.request_id, version: p.taskVersion }),
        ...notificationMessages({ userIds: p.recipients, taskId: p.taskId, kind: p.change }),
      ],
    };
  }
  const legacy = !row.payload || typeof row.payload !== 'object' || !('v' in row.payload);
  const payload = legacy ? ('legacy' as const) : ('invalid' as const);
  if (!row.task_id || !id.safeParse(row.task_id).success || !changeKind.safeParse(row.kind).success) {
    return { payload, messages: [] };
  }
  return {
    payload,
    messages: [taskChangedMessage({ taskId: row.task_id, kind: row.kind, requestId: row.request_id })],
  };
}
