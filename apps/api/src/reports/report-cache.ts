import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ReportMeta } from '@dondoc/contracts';
import { LRUCache } from 'lru-cache';
import pLimit, { type LimitFunction } from 'p-limit';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ReportsDatabase } from './reports-database.js';
import type { ReportQuestion } from './reports.service.js';

/**
 * What live figures were computed from. `top`: the history's last id then; `recent`: how many rows held the
 * `GAP_SPAN` ids up to it then (a writer takes its id before it commits, so a change committed afterwards under a
 * lower id fills one of them: history is never deleted, so the count only grows); `side`: the marks of what the
 * views read beside the tasks (names, the calendar).
 */
interface Stamp {
  top: string;
  recent: number;
  side: string;
}

interface Entry {
  value: ReportMeta;
  /** The day the figures were judged on (live figures move with the day). */
  day: string;
  /** Null for a past day: its history does not change. */
  stamp: Stamp | null;
  computedAt: number;
  computeMs: number;
  /** The serialised size, for the cache's memory bound. */
  size: number;
}

/** A transaction holding a history id longer than this many later ids is caught by the entries' age instead. */
const GAP_SPAN = 1000;

/**
 * What the views read besides the tasks and their history: names and the working calendar (its entries are only
 * ever added). Each write to these sets a time or adds an id. The need-to-know lists naming the reader are in the
 * key instead (`cleared`): a list changed is another reader.
 */
const SIDE_SQL = `concat_ws('/',
  (SELECT max(updated_at) FROM agencies)::text, (SELECT max(updated_at) FROM directives)::text,
  (SELECT max(updated_at) FROM organisations)::text,
  (SELECT max(id) FROM calendar_entries)::text)`;

/**
 * The stamp as it is now, and what the reader (`$1`) is cleared for: the classified tasks and directives whose
 * lists name them. One query a request.
 */
const MARKS_SQL = `WITH m AS (SELECT COALESCE(max(id), 0) AS top FROM task_events)
  SELECT m.top::text AS top,
         (SELECT count(*) FROM task_events e WHERE e.id > m.top - ${GAP_SPAN} AND e.id <= m.top)::int AS recent,
         ${SIDE_SQL} AS side,
         -- Any change of any list moves it: the count goes down with a removal, the sequence up with an addition.
         (SELECT count(*) FROM classified_access)::text || ':'
           || COALESCE(pg_sequence_last_value('classified_access_id_seq'::regclass), 0)::text AS lists,
         (SELECT COALESCE(string_agg(COALESCE('t' || ca.task_id, 'd' || ca.directive_id), ','
                                     ORDER BY COALESCE('t' || ca.task_id, 'd' || ca.directive_id)), '')
            FROM classified_access ca WHERE ca.user_id = $1) AS cleared
    FROM m`;

interface Marks extends Stamp {
  /** The lists naming the reader. */
  cleared: string;
  /** A mark of every need-to-know list. */
  lists: string;
}

/**
 * The report views as last computed, per reader and question, so that a province's dashboard (ten views over a
 * million tasks: 19 s to compute on two cores) answers at once (docs/decisions.md, "Live figures at a province's scale").
 *
 * - An answer is served again while nothing it reads has changed: no history row, name or calendar entry written
 *   since (`Stamp`), judged on the same day, and younger than
 *   `REPORT_CACHE_MAX_AGE_SECONDS`. Live figures are then exactly the figures of now.
 * - After a change (or when the day turns), figures that took less than `REPORT_CACHE_SYNC_MS` to compute are
 *   computed again before answering. Slower ones are answered as they were, marked `refreshing`, while one
 *   computation per question runs; `generatedAt` (and `asOf`) say when they were computed, and the dashboard asks
 *   again soon.
 * - A past day's figures come from the immutable history and the calendar as it stood then: only their age ends
 *   them.
 * - The key holds the reader (their role, committee and agency, and the need-to-know lists naming them), the
 *   filters, the page and (past) the day: nobody is answered from figures another reader could see differently,
 *   and readers who see alike share one computation. The question is checked first
 *   (`ReportsService.question`); reading the calendar and the classified counts is part of computing the answer.
 *
 * In this process only: each API instance keeps its own.
 */
@Injectable()
export class ReportCache {
  private readonly log = new Logger(ReportCache.name);
  private readonly entries: LRUCache<string, Entry>;
  private readonly running = new Map<string, Promise<Entry>>();
  /**
   * Refreshes behind answers already given run one at a time: a province's ten views refreshed at once took both
   * cores, and the dashboard's answers that were waiting to be sent took 420-650 ms instead of ~220
   * (scale bench, 1M tasks).
   */
  private readonly background = pLimit(1);
  private readonly syncMs: number;
  private readonly maxAgeMs: number;

  constructor(
    private readonly database: ReportsDatabase,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.syncMs = config.reportCache.syncMs;
    this.maxAgeMs = config.reportCache.maxAgeSeconds * 1000;
    this.entries = new LRUCache<string, Entry>({
      maxSize: Math.max(1, config.reportCache.maxMegabytes) * 1024 * 1024,
      sizeCalculation: (e) => Math.max(1, e.size),
    });
  }

  /** The view `name` for the question (and `extra`, e.g. a page), from the cache when still true. */
  async view<T extends ReportMeta>(
    c: ReportQuestion,
    name: string,
    extra: unknown,
    compute: () => Promise<T>,
  ): Promise<T> {
    if (this.maxAgeMs === 0) return compute();
    const now = await this.marks(c.actor.userId);
    const key = keyOf(c, now.cleared, name, extra);
    const entry = this.entries.get(key);
    if (!entry) return (await this.compute(key, now.cleared, c, compute)).value as T;
    if (this.current(entry, c, now)) return entry.value as T;
    if (entry.computeMs < this.syncMs) return (await this.compute(key, now.cleared, c, compute)).value as T;
    this.compute(key, now.cleared, c, compute, this.background).catch((e: unknown) =>
      this.log.warn(`Refreshing ${name} failed: ${e instanceof Error ? e.message : String(e)}`),
    );
    return { ...(entry.value as T), refreshing: true };
  }

  /**
   * One computation per key at a time (in `queue`, when given); the stamp is read as it starts, before the figures,
   * so a change during it is seen next time. Kept only when no need-to-know list changed while it ran: the key says
   * which lists the figures were computed with, and others sharing it must see no more than theirs allow.
   */
  private compute(
    key: string,
    cleared: string,
    c: ReportQuestion,
    compute: () => Promise<ReportMeta>,
    queue?: LimitFunction,
  ): Promise<Entry> {
    const running = this.running.get(key);
    if (running) return running;
    const work = async () => {
      const before = await this.marks(c.actor.userId);
      const started = performance.now();
      const value = await compute();
      const computeMs = performance.now() - started;
      const after = await this.marks(c.actor.userId);
      const entry: Entry = {
        value,
        day: c.window.day,
        stamp: c.window.live ? { top: before.top, recent: before.recent, side: before.side } : null,
        computedAt: Date.now(),
        computeMs,
        size: JSON.stringify(value).length,
      };
      if (before.cleared === cleared && before.lists === after.lists) this.entries.set(key, entry);
      return entry;
    };
    const next = (queue ? queue(work) : work()).finally(() => this.running.delete(key));
    this.running.set(key, next);
    return next;
  }

  private current(entry: Entry, c: ReportQuestion, now: Stamp): boolean {
    if (entry.day !== c.window.day || Date.now() - entry.computedAt >= this.maxAgeMs) return false;
    if (!entry.stamp) return true;
    return now.top === entry.stamp.top && now.recent === entry.stamp.recent && now.side === entry.stamp.side;
  }

  private async marks(userId: string): Promise<Marks> {
    const rows: Marks[] = await this.database.source.query(MARKS_SQL, [userId]);
    return rows[0];
  }
}

/**
 * The reader, the question and the day, hashed. The reader is what their figures depend on: their role, committee
 * and agency, and the lists that name them (`cleared`); not who they are, so that two Office members cleared for the
 * same classified work share one computation.
 */
function keyOf(c: ReportQuestion, cleared: string, name: string, extra: unknown): string {
  const sorted = (o: object) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
  // The user's id reaches the SQL only through the lists (`clearance`, `directiveClearance`) and their committee.
  const { userId: _who, ...reader } = c.actor;
  return (
    createHash('sha256')
      // Live: no day, so that yesterday's figures answer today's first question while today's are computed.
      .update(
        JSON.stringify([
          name,
          extra ?? null,
          sorted(reader),
          cleared,
          sorted(c.query),
          c.window.live ? 'live' : c.window.day,
        ]),
      )
      .digest('base64url')
  );
}
