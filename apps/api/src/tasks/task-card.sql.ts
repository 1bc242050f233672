/** An instant as `Date.prototype.toISOString()` prints it (UTC, milliseconds cut, not rounded, as `pg` reads them). */
const iso = (x: string) => `to_char(${x} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** `to_json` of a row prints compact JSON (`json_build_object` puts spaces around every colon). */
const object = (fields: string, from = '') => `(SELECT to_json(o) FROM (SELECT ${fields}${from}) o)`;

/**
 * `value` only where `probe` finds a row: most tasks have no contribution, open extension request or open
 * milestone, and PostgreSQL answers a bare EXISTS from one hashed pass over the table instead of running the
 * subquery for every card (10,000 cards: 42 ms instead of 93 on the bench's board).
 */
const ifAny = (probe: string, value: string) => `CASE WHEN EXISTS (SELECT 1 FROM ${probe}) THEN ${value} END`;

/**
 * A card of the board as JSON text, built by PostgreSQL: every field of `TaskSummaryDto` that the row alone
 * decides. What depends on today, the calendar or the reader (deadline status, lateness, allowed events, the
 * next milestone's status) is added in `TasksService.listJson`, from the fact columns of {@link taskCardColumns}.
 */
function taskCardSql(a: string): string {
  const openExtension = `extension_requests x WHERE x.task_id = ${a}.id AND x.status = 'open'`;
  const extension = ifAny(
    openExtension,
    object(
      `x.id AS "id", x.requested_due_date::text AS "requestedDueDate", ${iso('x.created_at')} AS "requestedAt"`,
      ` FROM ${openExtension} LIMIT 1`,
    ),
  );
  const contributions = ifAny(
    `contributions c WHERE c.task_id = ${a}.id`,
    object(
      `count(*) AS "total", count(*) FILTER (WHERE c.status = 'accepted') AS "accepted",
       count(*) FILTER (WHERE c.status = 'submitted') AS "submitted"`,
      ` FROM contributions c WHERE c.task_id = ${a}.id`,
    ),
  );
  return `${object(`${a}.id AS "id", ${a}.code AS "code", ${a}.directive_id AS "directiveId", ${a}.title AS "title",
    ${a}.deliverable_type AS "deliverableType", ${a}.field AS "field", ${a}.state AS "state", ${a}.version AS "version",
    ${a}.revision AS "revision", ${a}.deadline_version AS "deadlineVersion", ${a}.lead_agency_id AS "leadAgencyId",
    ${a}.coordinating_agency_ids AS "coordinatingAgencyIds", ${a}.due_date::text AS "dueDate",
    ${a}.deadline_text AS "deadlineText", COALESCE(${a}.effective_due_date, ${a}.due_date)::text AS "effectiveDueDate",
    ${a}.deadline_working_days AS "deadlineWorkingDays", ${a}.deadline_from AS "deadlineFrom",
    COALESCE(${a}.continuous, false) AS "continuous", ${a}.escalation_level AS "escalationLevel",
    ${iso(`${a}.completed_at`)} AS "completedAt", ${iso(`${a}.updated_at`)} AS "updatedAt",
    ${extension} AS "openExtensionRequest",
    ${a}.assignee_user_id AS "assigneeUserId", ${a}.responsible_leader_user_id AS "responsibleLeaderUserId",
    ${a}.monitoring_user_id AS "monitoringUserId",
    COALESCE(${a}.deciding_authority, 'standing_committee') AS "decidingAuthority", COALESCE(${a}.is_key, false) AS "isKey",
    ${a}.progress_percent AS "progressPercent", ${iso(`${a}.progress_at`)} AS "progressAt",
    ${contributions} AS "contributions",
    ${a}.series_id AS "seriesId", ${a}.period_key AS "periodKey", ${a}.carried_from_task_id AS "carriedFromTaskId",
    ${a}.parent_task_id AS "parentTaskId",
    COALESCE(${a}.classification, 'normal') AS "classification", ${a}.content_reference AS "contentReference"`)}::text`;
}

/** The card's JSON, and the facts its reader-, day- and calendar-dependent fields are computed from. */
export function taskCardColumns(a = 't'): string {
  const openMilestone = `milestones m WHERE m.task_id = ${a}.id AND m.done_at IS NULL AND m.removed_at IS NULL`;
  const nextMilestone = ifAny(
    openMilestone,
    `(SELECT json_build_object('id', m.id, 'label', m.label, 'dueDate', m.due_date::text) FROM ${openMilestone}
       ORDER BY m.due_date, m.id LIMIT 1)`,
  );
  return `${taskCardSql(a)} AS card, ${a}.id, ${a}.organisation_id, ${a}.state, ${a}.lead_agency_id, ${a}.coordinating_agency_ids,
  ${a}.due_date::text AS due_date, ${a}.effective_due_date::text AS effective_due_date, ${a}.completed_at,
  ${a}.assignee_user_id, ${a}.deciding_authority, ${a}.continuous, ${a}.deadline_version, ${a}.revision,
  ${a}.classification, ${nextMilestone} AS next_milestone`;
}
