import type { ReportQuery } from '@dondoc/contracts';
import { deadlineStatusCall, localDaySql } from '@dondoc/persistence';
import type { Actor } from '@dondoc/workflow';
import { roleScope, taskScope } from '../tasks/task-scope.js';
import type { CalendarDaysOff } from './report-days-off.js';

/** Collects positional parameters while SQL text is assembled. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The moment a report describes. Live: the tasks as they are (`until` is null). Past: the end of the
 * calendar day `day` in Asia/Ho_Chi_Minh; only history written before `until` counts.
 */
export interface ReportWindow {
  live: boolean;
  day: string;
  until: Date | null;
  /** The working calendar in force at that moment, as days off (none: every day counts, as with no calendar). */
  daysOff?: CalendarDaysOff;
}

/**
 * The working calendar in SQL, from its days off (`CalendarDaysOff`), added to `p` on first use:
 * `effective(due)` is the day a deadline ends (the next working day when it falls on a day off), and
 * `workingDays(from, to)` the working days in (from, to] for to >= from. `width_bucket` over the sorted days off
 * counts those up to a day; without days off both are plain calendar arithmetic and add no parameter.
 */
export interface CalendarSql {
  effective(due: string): string;
  workingDays(from: string, to: string): string;
}

export function calendarSql(daysOff: CalendarDaysOff | undefined, p: SqlParams): CalendarSql {
  if (!daysOff || daysOff.off.length === 0) {
    return { effective: (due) => `(${due})`, workingDays: (from, to) => `((${to}) - (${from}))` };
  }
  let off: string | undefined;
  let rolls: string | undefined;
  const offP = () => (off ??= `(${p.add(daysOff.off)}::date[])`);
  const rollsP = () => (rolls ??= `(${p.add(daysOff.rollsTo)}::date[])`);
  const upTo = (d: string) => `width_bucket((${d})::date, ${offP()})`;
  return {
    // off[k] is the last day off on or before the due day: the due day itself when it is one.
    effective: (due) =>
      `COALESCE(CASE WHEN ${offP()}[${upTo(due)}] = (${due}) THEN ${rollsP()}[${upTo(due)}] END, (${due}))`,
    workingDays: (from, to) => `((${to}) - (${from}) - (${upTo(to)} - ${upTo(from)}))`,
  };
}

/** The states that count in the figures: assigned onwards, not cancelled. */
export const COUNTED_STATES = `('assigned','in_progress','submitted','approved')`;

/**
 * `facts`: one row per task as it stood at the window's moment, with the columns every report reads
 * (id, code, title, classification, directive_id, field, deliverable_type, lead_agency_id, state, due_date,
 * original_due_date, extended, done_day, live_level, is_key), and the days those deadlines end on the working
 * calendar of the window (eff_due_date, eff_original_due_date), which every status is judged against. Returns
 * the CTEs' text (without `WITH`), and adds its parameters to `p`; `until()` gives the placeholder of the
 * window's end (`'infinity'` when live), which the views use to read history and submissions up to the same
 * moment; `calendar` counts working days on the same calendar.
 *
 * Past figures come from the immutable history (task_events), never from the current row:
 * - state: the `to_state` of the last event before the moment (a task with none did not exist yet);
 * - lead agency: the `data.previousLeadAgencyId` of the first REASSIGN after the moment, else the row's
 *   (only a reassignment moves a counted task to another agency; reading the few later ones is much
 *   cheaper than finding the last ASSIGN/REASSIGN of every task);
 * - deadline in force: the last ASSIGN/REASSIGN `data.dueDate` or EXTENSION_GRANTED `data.to` before the
 *   moment; when that event carries none (the demo seed's ASSIGN), the `data.from` of the first grant after
 *   the moment, i.e. the deadline that grant replaced; else the first deadline kept on the row;
 * - first deadline: the `data.from` of the first grant before the moment, else the deadline in force;
 * - done day: the local day of `completed_at` (the approved submission's time) when approved by then
 *   (NULL if unknown: the status then counts the report's day, as `deadlineStatus()` counts `now`).
 * - key task (is_key): the `data.isKey` of the last PEOPLE_SET that named it before the moment; else the
 *   opposite of the first one after it (PEOPLE_SET carries only the keys that changed, so a boolean that
 *   changed was the other value before); else the row's.
 * - people (only with `people`, or when a person filter asks for them): `assignee_user_id`, the handling
 *   officer, and `monitor_user_id`, the monitoring officer (the task's, else the lead agency's). In the
 *   past, the task's own value is that of the last PEOPLE_SET naming the key (assigneeUserId /
 *   monitoringUserId) before the moment, a REASSIGN clearing the assignee; a task with no such row before
 *   but one after had none then (tasks are created with no one named); with none at all, the row's.
 * Directive, field and deliverable type are read from the row: they can only change while drafted.
 *
 * The tasks are those `taskScope` gives the actor (cleared for the classified ones); with `classifiedOnly`, the
 * classified tasks its role would see whether cleared or not, to count what the need-to-know lists hide. With
 * `undated`, `facts` has no eff_* columns, for the views that judge no deadline: the planner cannot leave out
 * the subquery that works those days out, and it would fold every task's deadlines from the history for nothing.
 * With `ids`, only those tasks (a selection): the history scans then read only their events.
 */
export function factsCte(
  actor: Actor,
  query: ReportQuery,
  window: ReportWindow,
  p: SqlParams,
  opts: { people?: boolean; classifiedOnly?: boolean; undated?: boolean; ids?: readonly string[] } = {},
): { cte: string; until: () => string; calendar: CalendarSql } {
  const scope = opts.classifiedOnly ? roleScope(actor, p.values.length + 1) : taskScope(actor, p.values.length + 1);
  p.values.push(...scope.params);
  // Added on first use: PostgreSQL refuses a parameter that no part of the statement mentions.
  let untilParam: string | undefined;
  const until = () => (untilParam ??= `${p.add(window.until ? window.until.toISOString() : 'infinity')}::timestamptz`);
  // Classified only: a row filter, so the history scans of a past report read those few tasks' events alone.
  const rowFilters: string[] = opts.classifiedOnly ? [`t.classification <> 'normal'`, scope.sql] : [];
  if (query.directiveId) rowFilters.push(`t.directive_id = ${p.add(query.directiveId)}::uuid`);
  if (query.parentTaskId) rowFilters.push(`t.parent_task_id = ${p.add(query.parentTaskId)}::uuid`);
  // One committee's figures, with the committees below it (the default) or its own alone.
  if (query.organisationId) {
    const org = `${p.add(query.organisationId)}::uuid`;
    rowFilters.push(
      query.subtree === 'false'
        ? `t.organisation_id = ${org}`
        : `t.organisation_id = ANY (ARRAY(SELECT o.id FROM organisations o
             WHERE o.path <@ (SELECT b.path FROM organisations b WHERE b.id = ${org})))`,
    );
  }
  if (query.field) rowFilters.push(`t.field = ${p.add(query.field)}`);
  if (query.deliverableType) rowFilters.push(`t.deliverable_type = ${p.add(query.deliverableType)}`);
  if (opts.ids) rowFilters.push(`t.id = ANY(${p.add(opts.ids)}::uuid[])`);
  const where = (opts.classifiedOnly ? rowFilters : [scope.sql, ...rowFilters]).join(' AND ');
  const agency = query.agencyId ? p.add(query.agencyId) : null;
  const people = !!(opts.people || query.assigneeUserId || query.monitorUserId);
  // Added after the people's expressions are known (they differ live and past).
  const personFilters = (assignee: string, monitor: string) =>
    (query.assigneeUserId ? ` AND ${assignee} = ${p.add(query.assigneeUserId)}::uuid` : '') +
    (query.monitorUserId ? ` AND ${monitor} = ${p.add(query.monitorUserId)}::uuid` : '');
  const doneDay = `CASE WHEN %STATE% = 'approved' THEN ${localDaySql('t.completed_at')} END`;
  const calendar = calendarSql(window.daysOff, p);
  // Every view judges lateness against the day each deadline ends on the calendar in force then. Worked out
  // once per task (OFFSET 0 keeps the lateral subquery whole): inlined, each of the many places that read the
  // two days (the status reads a deadline four times) would search the days off again. A lateral subquery, so
  // that a view's filters on the task's own columns still reach the tasks.
  const judged = (raw: string) =>
    opts.undated
      ? `${raw}, facts AS (SELECT * FROM facts_raw)`
      : `${raw}, facts AS (
      SELECT r.*, c.eff_due_date, c.eff_original_due_date
        FROM facts_raw r
       CROSS JOIN LATERAL (SELECT ${calendar.effective('r.due_date')} AS eff_due_date,
                                  ${calendar.effective('r.original_due_date')} AS eff_original_due_date OFFSET 0) c)`;

  if (window.live) {
    const assignee = 't.assignee_user_id';
    const monitor = 'COALESCE(t.monitoring_user_id, la.monitoring_user_id)';
    const cte = `facts_raw AS (
      SELECT t.id, t.code, t.title, t.classification, t.directive_id, t.organisation_id, t.field, t.deliverable_type,
             t.lead_agency_id, t.state, t.due_date, COALESCE(t.original_due_date, t.due_date) AS original_due_date,
             g.task_id IS NOT NULL AS extended,
             ${doneDay.replace('%STATE%', 't.state')} AS done_day,
             t.escalation_level AS live_level, t.is_key${
               people ? `, ${assignee} AS assignee_user_id, ${monitor} AS monitor_user_id` : ''
             }
        FROM tasks t
        LEFT JOIN (SELECT DISTINCT e.task_id FROM task_events e WHERE e.event = 'EXTENSION_GRANTED') g ON g.task_id = t.id${
          people ? `\n        LEFT JOIN agencies la ON la.id = t.lead_agency_id` : ''
        }
       WHERE ${where}${agency ? ` AND t.lead_agency_id = ${agency}::uuid` : ''}${
         people ? personFilters(assignee, monitor) : ''
       })`;
    return { cte: judged(cte), until, calendar };
  }

  // Static filters narrow the history scans too, so a one-directive report reads only its tasks' events.
  const ofTasks = rowFilters.length
    ? ` AND e.task_id IN (SELECT t.id FROM tasks t WHERE ${rowFilters.join(' AND ')})`
    : '';
  const last = (cond: string, value: string, order = 'DESC') =>
    `SELECT DISTINCT ON (e.task_id) e.task_id, ${value} AS v FROM task_events e
      WHERE ${cond}${ofTasks} ORDER BY e.task_id, e.at ${order}, e.id ${order}`;
  // Each lookup gives one row per task, in task order; `h.<name>` is its value (NULL: no such event) and, when
  // asked for, `h.<name>_found` whether the task has one.
  const lookups: { name: string; sql: string; found: boolean }[] = [];
  const lookup = (name: string, sql: string, found = false) => {
    lookups.push({ name, sql, found });
    return `h.${name}`;
  };
  // The task's own officer then: the last row naming it before the moment; none before but one after means
  // no one was named yet; no row at all, the row's (set without history, e.g. by hand).
  const named = (cond: string, key: string, column: string, name: string) => {
    const before = lookup(`${name}b`, last(`e.at < ${until()} AND (${cond})`, `(e.data->>'${key}')::uuid`), true);
    lookup(`${name}a`, last(`e.at >= ${until()} AND (${cond})`, 'NULL::uuid', 'ASC'), true);
    return `CASE WHEN h.${name}b_found THEN ${before} WHEN h.${name}a_found THEN NULL ELSE t.${column} END`;
  };
  const state = lookup('ls', last(`e.at < ${until()} AND e.to_state IS NOT NULL`, 'e.to_state'));
  const lead = `COALESCE(${lookup(
    'ld',
    last(`e.at >= ${until()} AND e.event = 'REASSIGN'`, `(e.data->>'previousLeadAgencyId')::uuid`, 'ASC'),
  )}, t.lead_agency_id)`;
  const inForce = lookup(
    'dl',
    last(
      `e.at < ${until()} AND e.event IN ('ASSIGN','REASSIGN','EXTENSION_GRANTED')`,
      `COALESCE(e.data->>'to', e.data->>'dueDate')::date`,
    ),
  );
  const grantedBefore = lookup(
    'gb',
    last(`e.at < ${until()} AND e.event = 'EXTENSION_GRANTED'`, `(e.data->>'from')::date`, 'ASC'),
  );
  const grantedAfter = lookup(
    'ga',
    last(`e.at >= ${until()} AND e.event = 'EXTENSION_GRANTED'`, `(e.data->>'from')::date`, 'ASC'),
  );
  const keyBefore = lookup(
    'kb',
    last(`e.at < ${until()} AND e.event = 'PEOPLE_SET' AND e.data ? 'isKey'`, `(e.data->>'isKey')::boolean`),
  );
  const keyAfter = lookup(
    'ka',
    last(`e.at >= ${until()} AND e.event = 'PEOPLE_SET' AND e.data ? 'isKey'`, `(e.data->>'isKey')::boolean`, 'ASC'),
  );
  let peopleColumns = '';
  let personWhere = '';
  if (people) {
    const assignee = named(
      `(e.event = 'PEOPLE_SET' AND e.data ? 'assigneeUserId') OR e.event = 'REASSIGN'`,
      'assigneeUserId',
      'assignee_user_id',
      'pa',
    );
    // The agency's own monitoring officer has no history: today's is used for any past day.
    const pastMonitor = `COALESCE(${named(
      `e.event = 'PEOPLE_SET' AND e.data ? 'monitoringUserId'`,
      'monitoringUserId',
      'monitoring_user_id',
      'pm',
    )}, la.monitoring_user_id)`;
    peopleColumns = `, ${assignee} AS assignee_user_id, ${pastMonitor} AS monitor_user_id`;
    personWhere = personFilters(assignee, pastMonitor);
  }
  // The history then, one row per task that had an event by then (the others did not exist yet). Every lookup
  // comes out in task order, so they meet in merge joins; OFFSET 0 keeps them together, else the planner joins
  // the tasks between them and every lookup becomes a hash join over all the tasks.
  const [first, ...rest] = lookups;
  const fold = `SELECT ${first.name}.task_id, ${lookups
    .map((l) => `${l.name}.v AS ${l.name}${l.found ? `, ${l.name}.task_id IS NOT NULL AS ${l.name}_found` : ''}`)
    .join(', ')}
          FROM (${first.sql}) ${first.name}${rest
            .map((l) => `\n          LEFT JOIN (${l.sql}) ${l.name} ON ${l.name}.task_id = ${first.name}.task_id`)
            .join('')}
        OFFSET 0`;
  const cte = `facts_raw AS (
      SELECT t.id, t.code, t.title, t.classification, t.directive_id, t.organisation_id, t.field, t.deliverable_type,
             ${lead} AS lead_agency_id, ${state} AS state,
             COALESCE(${inForce}, ${grantedAfter}, t.original_due_date, t.due_date) AS due_date,
             COALESCE(${grantedBefore}, ${inForce}, ${grantedAfter}, t.original_due_date, t.due_date) AS original_due_date,
             ${grantedBefore} IS NOT NULL AS extended,
             ${doneDay.replace('%STATE%', state)} AS done_day,
             NULL::int AS live_level,
             COALESCE(${keyBefore}, NOT ${keyAfter}, t.is_key) AS is_key${peopleColumns}
        FROM tasks t
        JOIN (${fold}) h ON h.task_id = t.id${people ? `\n        LEFT JOIN agencies la ON la.id = ${lead}` : ''}
       WHERE ${where}${agency ? ` AND ${lead} = ${agency}::uuid` : ''}${personWhere})`;
  return { cte: judged(cte), until, calendar };
}

/**
 * A deadline status per task from `dondoc_deadline_status` (the SQL twin of `deadlineStatus()` in
 * libs/workflow), against the deadline in force (`status`) and against the first one (`status_original`):
 * on_time/late for approved work (by its approval day), overdue/due_soon/not_due for the rest as of `day`.
 * The report views add labels of their own around it: drafts and cancelled tasks keep their state as their
 * status, and 'none' is unfinished work without a deadline. `day` and `soon` are placeholders for the
 * report's local date and the due-soon window.
 *
 * The views group by these columns first and add up the groups afterwards (`figureSums`), so each
 * status is computed once per task, not once per figure.
 */
export function statusColumns(day: string, soon: string): string {
  const status = (due: string) => `CASE WHEN f.state IN ('drafted','cancelled') THEN f.state
      ELSE COALESCE(${factStatus(due, day, soon)}, 'none') END`;
  return `${status('f.eff_due_date')} AS status, ${status('f.eff_original_due_date')} AS status_original, f.extended, f.is_key`;
}

/** The deadline status of a row of `facts` (alias `f`) against the deadline `due`, as of the local date `day`. */
export function factStatus(due: string, day: string, soon: string): string {
  return deadlineStatusCall({ state: 'f.state', dueDate: due, doneDay: 'f.done_day', today: day, dueSoonDays: soon });
}

/**
 * The figures of `ReportFigures` summed over the groups `g` made with `statusColumns` (a column `n` each),
 * then the same over key tasks only, as `key_<name>` (nhiệm vụ trọng tâm are reported apart).
 */
export function figureSums(): string {
  return `${sums('')},\n    ${sums('key_', ' AND g.is_key')}`;
}

function sums(prefix: string, also = ''): string {
  const sum = (cond: string, name: string) =>
    `COALESCE(sum(g.n) FILTER (WHERE ${cond}${also}), 0)::int AS ${prefix}${name}`;
  const counted = `g.status NOT IN ('drafted','cancelled')`;
  const unfinished = `g.status NOT IN ('drafted','cancelled','on_time','late')`;
  return [
    sum(counted, 'total'),
    sum(`g.status IN ('on_time','late')`, 'finished'),
    sum(`g.status = 'on_time'`, 'on_time'),
    sum(`g.status = 'late'`, 'late'),
    sum(`g.status IN ('on_time','late') AND g.status_original = 'on_time'`, 'on_time_original'),
    sum(`g.status IN ('on_time','late') AND g.status_original = 'late'`, 'late_original'),
    sum(unfinished, 'unfinished'),
    sum(`g.status = 'not_due'`, 'not_due'),
    sum(`g.status = 'due_soon'`, 'due_soon'),
    sum(`g.status = 'overdue'`, 'overdue'),
    sum(`${unfinished} AND g.status_original = 'overdue'`, 'overdue_original'),
    sum(`${counted} AND g.extended`, 'extended'),
  ].join(',\n    ');
}

export interface FigureCounts {
  total: number;
  finished: number;
  on_time: number;
  late: number;
  on_time_original: number;
  late_original: number;
  unfinished: number;
  not_due: number;
  due_soon: number;
  overdue: number;
  overdue_original: number;
  extended: number;
}

/**
 * Lateness of the groups `g` made by `grouped` (late_n, late_cd_sum/max, late_wd_sum/max per group), summed over
 * the groups of a row: tasks overdue or approved late, and their days late in calendar and in working days.
 */
export function latenessSums(): string {
  return `COALESCE(sum(g.late_n), 0)::int AS late_tasks,
    COALESCE(sum(g.late_wd_sum), 0)::int AS late_working_days, COALESCE(max(g.late_wd_max), 0)::int AS late_working_days_max,
    COALESCE(sum(g.late_cd_sum), 0)::int AS late_calendar_days, COALESCE(max(g.late_cd_max), 0)::int AS late_calendar_days_max`;
}

export interface LatenessCounts {
  late_tasks: number;
  late_working_days: number;
  late_working_days_max: number;
  late_calendar_days: number;
  late_calendar_days_max: number;
}

/** The key-task figures of a row of `figureSums`. */
export type KeyFigureCounts = { [K in keyof FigureCounts as `key_${K}`]: number };

export const FIGURE_KEYS: readonly (keyof FigureCounts)[] = [
  'total',
  'finished',
  'on_time',
  'late',
  'on_time_original',
  'late_original',
  'unfinished',
  'not_due',
  'due_soon',
  'overdue',
  'overdue_original',
  'extended',
];

/** The key tasks' counts of a row of `figureSums`, as plain `FigureCounts`. */
export function keyCounts(r: KeyFigureCounts): FigureCounts {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, r[`key_${k}`]])) as unknown as FigureCounts;
}
