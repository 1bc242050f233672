import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { parseBusMessage, type TaskChangedMessage } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import type { Redis } from 'ioredis';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { unclearedActor } from '../common/uncleared-actor.js';
import { SignalBus } from '../redis/signal-bus.service.js';
import { coalesceTaskChanges } from './coalesce-task-changes.js';
import { EventsRepository } from './events.repository.js';

/** One event for one browser: the SSE event name and its JSON data (which repeats the name). */
export interface StreamEvent {
  type: 'task.changed' | 'notification' | 'resync';
  data: Record<string, unknown> & { type: string };
}

interface Client {
  user: AuthUser;
  actor: Actor;
  /**
   * Clients whose role and agency are the same share one check for unclassified tasks; a classified task is
   * checked for each person on its list (the need-to-know list is personal).
   */
  scopeKey: string;
  send(e: StreamEvent): void;
  end(): void;
}

/**
 * Task changes are collected this long before their visibility is checked, so the several outbox rows
 * of one transition (and a burst of transitions) cost one query per kind of reader, not one per row.
 */
const BATCH_MS = 25;
/** How long a subscribe may hold up start-up when Redis is slow; the subscription follows when it is up. */
const SUBSCRIBE_WAIT_MS = 2000;

/**
 * This instance's one subscription to its deployment's events channel (`busChannels(QUEUE_PREFIX).events`,
 * `dondoc.events` by default), fanned out to its own event-stream clients. The worker publishes every
 * change once on Redis, so every API instance of the deployment hears it and tells only the clients
 * connected to it; no instance needs to know about the others, and another deployment on the same Redis
 * server hears none of it. Messages are validated on receipt (`parseBusMessage`): anything else is dropped.
 */
@Injectable()
export class EventHub implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(EventHub.name);
  private readonly clients = new Set<Client>();
  private subscriber?: Redis;
  private pending: TaskChangedMessage[] = [];
  private flushTimer?: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();
  private readyOnce = false;
  private warned = false;

  constructor(
    private readonly bus: SignalBus,
    private readonly events: EventsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    // A connection of its own: a subscribed connection can issue no other command. Unlike the signal
    // bus it queues while Redis is away, so the subscription is made (and remade) whenever it returns.
    const sub = this.bus.redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
    this.subscriber = sub;
    sub.on('error', (e: Error) => {
      if (!this.warned) this.logger.warn(`Redis unavailable for live events (${e.message}); retrying`);
      this.warned = true;
    });
    sub.on('ready', () => {
      this.warned = false;
      // Whatever was published while we were cut off is lost: tell every client to reload.
      if (this.readyOnce) this.broadcast({ type: 'resync', data: { type: 'resync' } });
      this.readyOnce = true;
    });
    const channel = this.bus.channels.events;
    sub.on('message', (from: string, raw: string) => {
      if (from === channel) this.receive(raw);
    });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      sub.subscribe(channel).catch((e: Error) => this.logger.warn(`subscribe failed: ${e.message}`)),
      new Promise((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  /** Open streams would keep the HTTP server from closing: end them first. */
  beforeApplicationShutdown(): void {
    for (const c of [...this.clients]) c.end();
    this.clients.clear();
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.pending = [];
    await this.flushing.catch(() => undefined);
    this.subscriber?.disconnect();
  }

  /** Adds a stream; the returned function removes it. */
  register(user: AuthUser, send: (e: StreamEvent) => void, end: () => void): () => void {
    const actor = toActor(user);
    const client: Client = { user, actor, scopeKey: `${actor.role}:${actor.agencyId ?? ''}`, send, end };
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  get size(): number {
    return this.clients.size;
  }

  private receive(raw: string): void {
    const m = parseBusMessage(raw);
    if (!m || !this.clients.size) return;
    switch (m.type) {
      case 'notification': {
        // A user's own notifications need no visibility check: the writer chose the recipients.
        const ids = new Set(m.userIds);
        const data = { type: 'notification', taskId: m.taskId, kind: m.kind };
        for (const c of this.clients) {
          if (ids.has(c.user.id)) this.deliver(c, { type: 'notification', data });
        }
        return;
      }
      case 'task.changed':
        this.pending.push(m);
        this.flushTimer ??= setTimeout(() => {
          this.flushTimer = undefined;
          const batch = this.pending;
          this.pending = [];
          // One batch at a time, so events reach each client in the order they were published.
          this.flushing = this.flushing.then(() =>
            this.flush(batch).catch((e: Error) => this.logger.warn(`live task events dropped: ${e.message}`)),
          );
        }, BATCH_MS);
        return;
    }
  }

  /** Which clients may see which of the batch's tasks, decided in SQL by the same rule as every list. */
  private async flush(batch: TaskChangedMessage[]): Promise<void> {
    if (!this.clients.size || !batch.length) return;
    const changes = coalesceTaskChanges(batch);
    const taskIds = [...new Set(changes.map((c) => c.taskId))];
    // One reader per role and agency, cleared for nothing; those on a classified task's list are readers of their own.
    const readers = new Map<string, Actor>();
    for (const c of this.clients) if (!readers.has(c.scopeKey)) readers.set(c.scopeKey, unclearedActor(c.actor));
    const listed = await this.events.listedUsers(taskIds, [...new Set([...this.clients].map((c) => c.user.id))]);
    for (const c of this.clients) if (listed.has(c.user.id)) readers.set(`user:${c.user.id}`, c.actor);
    const visible = await this.events.visibleTasks(taskIds, readers);
    for (const c of this.clients) {
      const shared = visible.get(c.scopeKey);
      const own = listed.has(c.user.id) ? visible.get(`user:${c.user.id}`) : undefined;
      const mine = own && shared ? new Set([...shared, ...own]) : (own ?? shared);
      if (!mine) continue;
      for (const ch of changes) {
        if (mine.has(ch.taskId)) {
          this.deliver(c, {
            type: 'task.changed',
            data: {
              type: 'task.changed',
              taskId: ch.taskId,
              kinds: ch.kinds,
              requestId: ch.requestId,
              ...(ch.version !== undefined ? { version: ch.version } : {}),
            },
          });
        }
      }
    }
  }

  private broadcast(e: StreamEvent): void {
    for (const c of this.clients) this.deliver(c, e);
  }

  /** A client that throws (its response already gone) must not stop the others. */
  private deliver(c: Client, e: StreamEvent): void {
    try {
      c.send(e);
    } catch (err) {
      this.logger.warn(`dropping a live-event client: ${(err as Error).message}`);
      this.clients.delete(c);
    }
  }
}
