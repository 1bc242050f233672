import {
  createDataSource,
  DEMO_AGENCIES,
  DEMO_DIRECTIVES,
  DEMO_PROVINCE_NAME,
  DEMO_TASKS,
  searchTextOf,
  actionFiredChange,
  CalendarStore,
  TaskChangeWriter,
  type FiringAction,
  type TaskChange,
  type TaskRow,
  ROOT_ORGANISATION_ID,
} from '@dondoc/persistence';
import {
  actionJobId,
  applyEvent,
  DEFAULT_CALENDAR_SETTINGS,
  DEFAULT_ESCALATION_POLICY,
  planPartActions,
  isActionRelevant,
  localDate,
  type Actor,
  type CalendarSettings,
  type TaskEvent,
  type TaskFacts,
} from '@dondoc/workflow';
import argon2 from 'argon2';
import type { EntityManager } from 'typeorm';
import { transitionChange } from '../tasks/transition-change.js';
import { toFacts } from '../tasks/task-summary.js';
import { addDays, addYears, at, daysBetween, planDemo, type PlannedTask } from './demo-scenario.js';
import { DEMO_DISTRICT_ACCOUNTS, seedDemoDistricts } from './demo-districts.js';

// Set per seeding (the calendar's settings are the caller's); a seeding runs alone in its process.
let calendars = new CalendarStore();
let writer = new TaskChangeWriter(calendars);

export const ROLE_ACCOUNTS = [
  { username: 'vanphong', fullName: 'Nguyễn Thị Thu Hà (Văn phòng Tỉnh ủy)', role: 'office', position: null },
  // Thường trực Tỉnh ủy: decides the tasks whose authority is the Standing Committee's Thường trực too.
  {
    username: 'thuongvu',
    fullName: 'Trần Văn Minh (Ban Thường vụ Tỉnh ủy)',
    role: 'standing_committee',
    position: 'standing_board',
  },
  { username: 'kiemtra', fullName: 'Lê Hoàng Phúc (Ủy ban Kiểm tra Tỉnh ủy)', role: 'inspector', position: null },
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin', position: null },
] as const;

/**
 * The officers of the agency that leads most demo tasks: its head (the agency's own account) assigns each of
 * its tasks to one of them, so "việc của tôi" and the named reminder chain have something to show.
 */
export const DEMO_OFFICERS = [
  { username: 'bcsd-ubnd.cv1', fullName: 'Phạm Thu Trang (chuyên viên)', agencyCode: 'bcsd-ubnd' },
  { username: 'bcsd-ubnd.cv2', fullName: 'Đỗ Minh Khang (chuyên viên)', agencyCode: 'bcsd-ubnd' },
] as const;

interface Step {
  event: TaskEvent;
  actor: Actor;
  when: Date;
  submission?: string;
}

/**
 * Seeds the demo province once (no-op when agencies exist). Every transition goes through
 * `applyEvent`, so the demo history is one the rules allow.
 */
export async function seedDemoProvince(
  databaseUrl: string,
  options: {
    password: string;
    now: Date;
    calendar?: CalendarSettings;
    /**
     * The two city committees with their people and a task broken down (issue 20); on by default. The suites
     * that share one database leave them out: their figures are the province's own.
     */
    districts?: boolean;
  },
): Promise<{ tasks: number; users: number } | null> {
  calendars = new CalendarStore(options.calendar ?? DEFAULT_CALENDAR_SETTINGS);
  writer = new TaskChangeWriter(calendars);
  const ds = createDataSource({ url: databaseUrl, poolSize: 2 });
  await ds.initialize();
  try {
    const existing: { n: string }[] = await ds.query(`SELECT count(*) AS n FROM agencies`);
    if (Number(existing[0].n) > 0) return null;
    const districts = options.districts ?? true;
    const accounts = ROLE_ACCOUNTS.length + DEMO_AGENCIES.length + DEMO_OFFICERS.length;
    const hashes = await Promise.all(
      Array.from({ length: accounts + (districts ? DEMO_DISTRICT_ACCOUNTS : 0) }, () =>
        argon2.hash(options.password, { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 }),
      ),
    );
    return await ds.transaction(async (m) => {
      // Two starts racing on an empty database: the loser waits here and then finds the data.
      await m.query(`LOCK TABLE agencies IN EXCLUSIVE MODE`);
      const again: { n: string }[] = await m.query(`SELECT count(*) AS n FROM agencies`);
      if (Number(again[0].n) > 0) return null;
      return seedInTransaction(m, hashes, options.now, districts);
    });
  } finally {
    await ds.destroy();
  }
}

async function seedInTransaction(
  m: EntityManager,
  hashes: string[],
  now: Date,
  districts: boolean,
): Promise<{ tasks: number; users: number }> {
  // The migrations make the top organisation with a generic name; the demo is Kiên Giang's.
  await m.query(`UPDATE organisations SET name = $1 WHERE parent_id IS NULL`, [DEMO_PROVINCE_NAME]);
  const agencyIds = new Map<string, string>();
  for (const a of DEMO_AGENCIES) {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO agencies (code, name, kind) VALUES ($1, $2, $3) RETURNING id`,
      [a.code, a.name, a.kind],
    );
    agencyIds.set(a.code, rows[0].id);
  }
  const userIds = new Map<string, string>();
  let h = 0;
  for (const u of ROLE_ACCOUNTS) {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO users (username, full_name, role, password_hash, position) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [u.username, u.fullName, u.role, hashes[h++], u.position],
    );
    userIds.set(u.username, rows[0].id);
  }
  for (const a of DEMO_AGENCIES) {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO users (username, full_name, role, agency_id, password_hash, position) VALUES ($1, $2, 'agency', $3, $4, 'head') RETURNING id`,
      [a.code, `Chuyên viên ${a.name}`, agencyIds.get(a.code), hashes[h++]],
    );
    userIds.set(a.code, rows[0].id);
  }
  for (const o of DEMO_OFFICERS) {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO users (username, full_name, role, agency_id, password_hash, position) VALUES ($1, $2, 'agency', $3, $4, 'officer') RETURNING id`,
      [o.username, o.fullName, agencyIds.get(o.agencyCode), hashes[h++]],
    );
    userIds.set(o.username, rows[0].id);
  }
  // The Office's monitoring officer for the agencies that lead most work.
  await m.query(`UPDATE agencies SET monitoring_user_id = $1 WHERE code = ANY($2::text[])`, [
    userIds.get('vanphong'),
    ['bcsd-ubnd', 'ban-tuyen-giao'],
  ]);

  const { shift, planned } = planDemo(DEMO_TASKS, now);
  const directiveIds = new Map<string, string>();
  for (const d of DEMO_DIRECTIVES) {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO directives (number, kind, title, issued_on, issuer, signer, place, created_by)
       VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8) RETURNING id`,
      [
        d.number,
        d.kind,
        d.title,
        d.kind === 'monthly_program' ? `${localDate(now).slice(0, 8)}01` : addYears(d.issuedOn, shift),
        d.issuer,
        d.signer,
        d.place,
        userIds.get('vanphong'),
      ],
    );
    directiveIds.set(d.key, rows[0].id);
  }

  const officers = DEMO_OFFICERS.map((o) => userIds.get(o.username)!);
  // The province's own people: the demo's directives are the top committee's.
  const province = { organisationId: ROOT_ORGANISATION_ID, organisationPath: 'tinh_uy', organisationAgencyId: null };
  const office: Actor = { userId: userIds.get('vanphong')!, role: 'office', agencyId: null, ...province };
  const committee: Actor = {
    userId: userIds.get('thuongvu')!,
    role: 'standing_committee',
    agencyId: null,
    ...province,
  };
  for (const p of planned) {
    const lead = p.leadAgencyCode ? agencyIds.get(p.leadAgencyCode)! : null;
    const leadActor: Actor | null = lead
      ? { userId: userIds.get(p.leadAgencyCode!)!, role: 'agency', agencyId: lead, position: 'head' }
      : null;
    const hasOfficers = DEMO_OFFICERS.some((o) => o.agencyCode === p.leadAgencyCode);
    await seedTask(m, p, {
      directiveId: directiveIds.get(p.directiveKey)!,
      lead,
      coordinating: p.coordinatingAgencyCodes.map((c) => agencyIds.get(c)!).filter((id) => id !== lead),
      office,
      committee,
      leadActor,
      officer: hasOfficers ? officers[planned.indexOf(p) % officers.length] : null,
      now,
    });
  }
  const users = ROLE_ACCOUNTS.length + DEMO_AGENCIES.length + DEMO_OFFICERS.length;
  if (!districts) return { tasks: planned.length, users };
  const below = await seedDemoDistricts(m, {
    writer,
    calendar: await calendars.current(m),
    hashes: hashes.slice(users),
    provinceOffice: office,
    directive07: directiveIds.get('07-CTr/TU')!,
    now,
  });
  return { tasks: planned.length + below.tasks, users: users + below.users };
}

function stepsFor(p: PlannedTask, c: { office: Actor; committee: Actor; leadActor: Actor | null; now: Date }): Step[] {
  if (p.story === 'drafted' || !c.leadActor) return [];
  const today = localDate(c.now);
  const assigned = addDays(today, -p.assignedDaysAgo);
  const steps: Step[] = [
    { event: { type: 'ASSIGN', comment: 'Giao thực hiện theo Chương trình.' }, actor: c.office, when: at(assigned, 8) },
  ];
  if (p.story === 'assigned') return steps;
  if (p.story === 'cancelled') {
    steps.push({
      event: {
        type: 'CANCEL',
        comment: 'Nội dung đã được lồng ghép vào đề án khác; Ban Thường vụ thống nhất không thực hiện riêng.',
      },
      actor: c.committee,
      when: at(addDays(assigned, 10), 15),
    });
    return steps;
  }
  const started = addDays(assigned, 3);
  steps.push({ event: { type: 'START' }, actor: c.leadActor, when: at(started, 10) });
  if (p.story === 'in_progress') return steps;

  const latest = addDays(today, -1);
  const clamp = (d: string) => (d > latest ? latest : d < addDays(started, 1) ? addDays(started, 1) : d);
  let submitted: string;
  if (p.story === 'approved_late') submitted = clamp(addDays(p.dueDate, 12));
  else if (p.story === 'submitted') submitted = clamp(addDays(today, -2));
  else submitted = clamp(addDays(p.dueDate, -15));
  const submit = (when: string, note: string): Step => ({
    event: { type: 'SUBMIT', comment: note },
    actor: c.leadActor!,
    when: at(when, 14),
    submission: note,
  });
  if (p.story === 'returned') {
    const first = clamp(addDays(started, Math.max(1, Math.floor(daysBetween(started, latest) / 3))));
    steps.push(submit(first, `Trình dự thảo ${p.title.toLowerCase()} lần 1.`));
    steps.push({
      event: { type: 'RETURN', comment: 'Đề nghị bổ sung đánh giá kết quả thực hiện và lộ trình, kinh phí cụ thể.' },
      actor: c.committee,
      when: at(first, 17),
    });
    return steps;
  }
  steps.push(submit(submitted, `Trình dự thảo ${p.title.toLowerCase()} để Ban Thường vụ xem xét.`));
  if (p.story === 'submitted') return steps;
  const decided = addDays(submitted, 1) > latest ? submitted : addDays(submitted, 1);
  steps.push({
    event: { type: 'APPROVE', comment: 'Thống nhất thông qua.' },
    actor: c.committee,
    when: at(decided, 16),
  });
  return steps;
}

async function seedTask(
  m: EntityManager,
  p: PlannedTask,
  c: {
    directiveId: string;
    lead: string | null;
    coordinating: string[];
    office: Actor;
    committee: Actor;
    leadActor: Actor | null;
    /** The lead agency's officer its head assigns the task to, right after it arrives. */
    officer: string | null;
    now: Date;
  },
): Promise<void> {
  const calendar = await calendars.current(m);
  const steps = stepsFor(p, c);
  const created = steps[0]
    ? new Date(steps[0].when.getTime() - 3 * 86_400_000)
    : new Date(c.now.getTime() - 7 * 86_400_000);
  // The demo's past goes through the one writer like any change: history, schedule and notifications.
  const [row] = await writer.create(
    m,
    c.directiveId,
    [
      {
        code: p.code,
        title: p.title,
        description: p.description,
        deliverableType: p.deliverableType,
        field: p.field,
        leadAgencyId: c.lead,
        coordinatingAgencyIds: c.coordinating,
        dueDate: p.dueDate,
        deadlineText: p.deadlineText,
        searchText: searchTextOf({ code: p.code, title: p.title, description: p.description }),
      },
    ],
    c.office,
    { at: created },
  );
  let task: TaskRow = row;
  if (p.milestones?.length) {
    const ms: { id: string; label: string; due_date: string; version: number }[] = await m.query(
      `INSERT INTO milestones (task_id, label, due_date, created_at)
       SELECT $1, 'Mốc ' || to_char(d, 'DD/MM/YYYY'), d, $3 FROM unnest($2::date[]) AS d
       RETURNING id, label, due_date::text AS due_date, version`,
      [task.id, p.milestones, created],
    );
    task = await apply(m, {
      kind: 'MILESTONES_SET',
      taskId: task.id,
      actor: c.office,
      from: task.state,
      data: { milestones: ms.map((x) => ({ id: x.id, label: x.label, dueDate: x.due_date })) },
      schedule: {
        cancelRungs: [],
        add: ms.flatMap((x) =>
          planPartActions('milestone', x.due_date, DEFAULT_ESCALATION_POLICY, calendar).map((a) => ({
            rung: a.rung,
            offset: a.offset,
            version: x.version,
            level: a.level,
            audiences: a.audiences,
            job_id: actionJobId(x.id, a.rung, a.offset, x.version),
            due_at: a.dueAt.toISOString(),
            target_id: x.id,
          })),
        ),
      },
      at: created,
    });
  }
  let facts: TaskFacts = { ...toFacts(task), hasPendingSubmission: false, completedAt: null };
  let seq = 0;
  let pendingSubmission: { id: string; at: Date } | null = null;
  for (const step of steps) {
    if (step.submission) {
      const sub: { id: string }[] = await m.query(
        `INSERT INTO submissions (task_id, seq, revision, note, submitted_by, submitted_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [task.id, ++seq, facts.revision, step.submission, step.actor.userId, step.when],
      );
      pendingSubmission = { id: sub[0].id, at: step.when };
      facts = { ...facts, hasPendingSubmission: true };
      task = await apply(m, {
        kind: 'DELIVERABLE_UPLOADED',
        taskId: task.id,
        actor: step.actor,
        from: task.state,
        comment: step.submission,
        data: { submissionId: sub[0].id, seq, files: 0 },
        at: new Date(step.when.getTime() - 60_000),
      });
    }
    const result = applyEvent(facts, step.actor, step.event, step.when);
    if (!result.ok) throw new Error(`demo seed: ${p.code} ${step.event.type} refused: ${result.refusal.code}`);
    const change = transitionChange({
      taskId: task.id,
      actor: step.actor,
      event: step.event,
      result,
      before: { version: task.version, leadAgencyId: task.lead_agency_id, completedAt: task.completed_at },
      pendingSubmission: pendingSubmission && { id: pendingSubmission.id, submittedAt: pendingSubmission.at },
      now: step.when,
      policy: DEFAULT_ESCALATION_POLICY,
      calendar,
      at: step.when,
    });
    task = await apply(m, change);
    if (step.event.type === 'APPROVE' || step.event.type === 'RETURN') pendingSubmission = null;
    facts = { ...result.task, completedAt: task.completed_at };
    if (step.event.type === 'ASSIGN' && c.officer && c.leadActor) {
      // The head hands the task to an officer and keeps it under their own lead (6 rõ: rõ người).
      task = await apply(m, {
        kind: 'PEOPLE_SET',
        taskId: task.id,
        actor: c.leadActor,
        from: task.state,
        set: { assigneeUserId: c.officer, responsibleLeaderUserId: c.leadActor.userId },
        data: { assigneeUserId: c.officer, responsibleLeaderUserId: c.leadActor.userId },
        audiences: ['assignee'],
        at: new Date(step.when.getTime() + 2 * 3_600_000),
      });
      facts = { ...facts, assigneeUserId: c.officer };
    }
  }
  await fireDueActions(m, task, c.now);
}

async function apply(m: EntityManager, change: TaskChange): Promise<TaskRow> {
  const applied = await writer.apply(m, change);
  if (!applied) throw new Error(`demo seed: ${change.kind} on ${change.taskId} was not applied`);
  return applied.task;
}

/**
 * What the worker would have done by now: every action of the schedule whose time has passed and that still
 * applies fires, at its own time; the rest stays pending for the worker.
 */
async function fireDueActions(m: EntityManager, task: TaskRow, now: Date): Promise<void> {
  const due: (FiringAction & { version: number; due_at: Date; part_version: number | null; part_done: boolean })[] =
    await m.query(
      `SELECT a.id, a.task_id, a.rung, a."offset", a.version, a.level, a.job_id, a.due_at, a.audiences, a.target_id,
              ms.version AS part_version, (ms.done_at IS NOT NULL OR ms.removed_at IS NOT NULL) AS part_done
         FROM scheduled_actions a LEFT JOIN milestones ms ON ms.id = a.target_id
        WHERE a.task_id = $1 AND a.status = 'pending' AND a.due_at <= $2 ORDER BY a.due_at, a.id`,
      [task.id, now],
    );
  let current = task;
  for (const a of due) {
    const relevant = isActionRelevant(
      { rung: a.rung, version: a.version },
      { state: current.state, deadlineVersion: current.deadline_version, version: current.version },
      a.part_version === null ? null : { version: a.part_version, settled: a.part_done },
    );
    if (!relevant) continue;
    current = await apply(
      m,
      actionFiredChange(a, current.state, { at: a.due_at, latenessMs: 0, late: false, backdated: true }),
    );
  }
}
