import {
  createDataSource,
  DEMO_AGENCIES,
  DEMO_DIRECTIVES,
  DEMO_TASKS,
  searchTextOf,
  actionFiredChange,
  TaskChangeWriter,
  type FiringAction,
  type TaskChange,
  type TaskRow,
} from '@dondoc/persistence';
import {
  applyEvent,
  DEFAULT_ESCALATION_POLICY,
  isActionRelevant,
  localDate,
  type Actor,
  type TaskEvent,
  type TaskFacts,
} from '@dondoc/workflow';
import argon2 from 'argon2';
import type { EntityManager } from 'typeorm';
import { transitionChange } from '../tasks/transition-change.js';
import { toFacts } from '../tasks/task-summary.js';
import { addDays, addYears, daysBetween, planDemo, type PlannedTask } from './demo-scenario.js';

const writer = new TaskChangeWriter();

export const ROLE_ACCOUNTS = [
  { username: 'vanphong', fullName: 'Nguyễn Thị Thu Hà (Văn phòng Tỉnh ủy)', role: 'office' },
  { username: 'thuongvu', fullName: 'Trần Văn Minh (Ban Thường vụ Tỉnh ủy)', role: 'standing_committee' },
  { username: 'kiemtra', fullName: 'Lê Hoàng Phúc (Ủy ban Kiểm tra Tỉnh ủy)', role: 'inspector' },
  { username: 'admin', fullName: 'Quản trị hệ thống', role: 'admin' },
] as const;

const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);

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
  options: { password: string; now: Date },
): Promise<{ tasks: number; users: number } | null> {
  const ds = createDataSource({ url: databaseUrl, poolSize: 2 });
  await ds.initialize();
  try {
    const existing: { n: string }[] = await ds.query(`SELECT count(*) AS n FROM agencies`);
    if (Number(existing[0].n) > 0) return null;
    const hashes = await Promise.all(
      [...ROLE_ACCOUNTS, ...DEMO_AGENCIES].map(() =>
        argon2.hash(options.password, { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 }),
      ),
    );
    return await ds.transaction(async (m) => {
      // Two starts racing on an empty database: the loser waits here and then finds the data.
      await m.query(`LOCK TABLE agencies IN EXCLUSIVE MODE`);
      const again: { n: string }[] = await m.query(`SELECT count(*) AS n FROM agencies`);
      if (Number(again[0].n) > 0) return null;
      return seedInTransaction(m, hashes, options.now);
    });
  } finally {
    await ds.destroy();
  }
}

async function seedInTransaction(
  m: EntityManager,
  hashes: string[],
  now: Date,
): Promise<{ tasks: number; users: number }> {
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
      `INSERT INTO users (username, full_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
      [u.username, u.fullName, u.role, hashes[h++]],
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

  const office: Actor = { userId: userIds.get('vanphong')!, role: 'office', agencyId: null };
  const committee: Actor = { userId: userIds.get('thuongvu')!, role: 'standing_committee', agencyId: null };
  for (const p of planned) {
    const lead = p.leadAgencyCode ? agencyIds.get(p.leadAgencyCode)! : null;
    const leadActor: Actor | null = lead
      ? { userId: userIds.get(p.leadAgencyCode!)!, role: 'agency', agencyId: lead }
      : null;
    await seedTask(m, p, {
      directiveId: directiveIds.get(p.directiveKey)!,
      lead,
      coordinating: p.coordinatingAgencyCodes.map((c) => agencyIds.get(c)!).filter((id) => id !== lead),
      office,
      committee,
      leadActor,
      now,
    });
  }
  return { tasks: planned.length, users: ROLE_ACCOUNTS.length + DEMO_AGENCIES.length };
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
    now: Date;
  },
): Promise<void> {
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
      at: step.when,
    });
    task = await apply(m, change);
    if (step.event.type === 'APPROVE' || step.event.type === 'RETURN') pendingSubmission = null;
    facts = { ...result.task, completedAt: task.completed_at };
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
  const due: (FiringAction & { version: number; due_at: Date })[] = await m.query(
    `SELECT id, task_id, rung, "offset", version, level, job_id, due_at FROM scheduled_actions
      WHERE task_id = $1 AND status = 'pending' AND due_at <= $2 ORDER BY due_at, id`,
    [task.id, now],
  );
  let current = task;
  for (const a of due) {
    const relevant = isActionRelevant(
      { rung: a.rung, version: a.version },
      { state: current.state, deadlineVersion: current.deadline_version, version: current.version },
    );
    if (!relevant) continue;
    current = await apply(
      m,
      actionFiredChange(a, current.state, { at: a.due_at, latenessMs: 0, late: false, backdated: true }),
    );
  }
}
