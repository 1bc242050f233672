import {
  DEFAULT_ESCALATION_POLICY,
  applyEvent,
  localDate,
  type Actor,
  type TaskEvent,
  type TaskFacts,
  type WorkingCalendar,
} from '@dondoc/workflow';
import { ROOT_ORGANISATION_ID, searchTextOf, type TaskChangeWriter, type TaskRow } from '@dondoc/persistence';
import type { EntityManager } from 'typeorm';
import { toFacts } from '../tasks/task-summary.js';
import { transitionChange } from '../tasks/transition-change.js';
import { addDays, at } from './demo-scenario.js';

/**
 * Two of Kiên Giang's city committees in the demo (issue 20), each with its Office, Standing Committee and two
 * agencies of its own, and accounts to sign in at each level. The province gives Thành ủy Rạch Giá a task of
 * 07-CTr/TU; the city's Office registers its own plan and breaks the task down for its agencies, and the work
 * below is under way. Phú Quốc has its people and agencies but no work yet: it shows a sibling sees none of it.
 */
export const DEMO_DISTRICTS = [
  {
    code: 'thanh-uy-rach-gia',
    name: 'Thành ủy Rạch Giá',
    /** Accounts: the Office, the Standing Committee's Thường trực, the agencies' heads (username = agency code). */
    office: { username: 'vanphong-rachgia', fullName: 'Huỳnh Thị Ngọc Lan (Văn phòng Thành ủy Rạch Giá)' },
    committee: { username: 'thuongvu-rachgia', fullName: 'Nguyễn Hoàng Sơn (Ban Thường vụ Thành ủy Rạch Giá)' },
    agencies: [
      { code: 'ban-tuyen-giao-thanh-uy-rach-gia', name: 'Ban Tuyên giáo Thành ủy Rạch Giá' },
      { code: 'ban-dan-van-thanh-uy-rach-gia', name: 'Ban Dân vận Thành ủy Rạch Giá' },
    ],
  },
  {
    code: 'thanh-uy-phu-quoc',
    name: 'Thành ủy Phú Quốc',
    office: { username: 'vanphong-phuquoc', fullName: 'Trần Minh Tâm (Văn phòng Thành ủy Phú Quốc)' },
    committee: { username: 'thuongvu-phuquoc', fullName: 'Lê Quốc Bảo (Ban Thường vụ Thành ủy Phú Quốc)' },
    agencies: [
      { code: 'ban-tuyen-giao-thanh-uy-phu-quoc', name: 'Ban Tuyên giáo Thành ủy Phú Quốc' },
      { code: 'ban-dan-van-thanh-uy-phu-quoc', name: 'Ban Dân vận Thành ủy Phú Quốc' },
    ],
  },
] as const;

/** How many accounts the districts add (for the seed's password hashes). */
export const DEMO_DISTRICT_ACCOUNTS = DEMO_DISTRICTS.reduce((n, d) => n + 2 + d.agencies.length, 0);

interface Context {
  writer: TaskChangeWriter;
  /** The calendar in force: an assignment plans its deadline's reminders on it. */
  calendar: WorkingCalendar;
  hashes: string[];
  /** The province's Office and Standing Committee, and the 07-CTr/TU directive's id. */
  provinceOffice: Actor;
  directive07: string;
  now: Date;
}

export async function seedDemoDistricts(m: EntityManager, c: Context): Promise<{ users: number; tasks: number }> {
  let h = 0;
  const people = new Map<string, Actor>();
  const agencyIds = new Map<string, string>();
  for (const d of DEMO_DISTRICTS) {
    const standing: { id: string }[] = await m.query(`SELECT id FROM agencies WHERE code = $1`, [d.code]);
    const org: { id: string; path: string }[] = await m.query(
      `INSERT INTO organisations (code, name, kind, parent_id, agency_id)
       VALUES ($1, $2, 'district', $3, $4) RETURNING id, path::text AS path`,
      [d.code, d.name, ROOT_ORGANISATION_ID, standing[0]?.id ?? null],
    );
    const where = { organisationId: org[0].id, organisationPath: org[0].path, organisationAgencyId: standing[0]?.id };
    for (const [who, role, position] of [
      [d.office, 'office', null],
      [d.committee, 'standing_committee', 'standing_board'],
    ] as const) {
      const u: { id: string }[] = await m.query(
        `INSERT INTO users (username, full_name, role, password_hash, position, organisation_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [who.username, who.fullName, role, c.hashes[h++], position, org[0].id],
      );
      people.set(who.username, { userId: u[0].id, role, agencyId: null, position, ...where });
    }
    for (const a of d.agencies) {
      const ag: { id: string }[] = await m.query(
        `INSERT INTO agencies (code, name, kind, organisation_id) VALUES ($1, $2, 'party_board', $3) RETURNING id`,
        [a.code, a.name, org[0].id],
      );
      agencyIds.set(a.code, ag[0].id);
      const u: { id: string }[] = await m.query(
        `INSERT INTO users (username, full_name, role, agency_id, password_hash, position)
         VALUES ($1, $2, 'agency', $3, $4, 'head') RETURNING id`,
        [a.code, `Chuyên viên ${a.name}`, ag[0].id, c.hashes[h++]],
      );
      people.set(a.code, {
        userId: u[0].id,
        role: 'agency',
        agencyId: ag[0].id,
        position: 'head',
        organisationId: org[0].id,
        organisationPath: org[0].path,
        organisationAgencyId: null,
      });
    }
  }
  const tasks = await seedRachGiaBreakdown(m, c, people, agencyIds);
  return { users: h, tasks };
}

/** The province's task to Rạch Giá, the city's plan, and two sub-tasks under way. */
async function seedRachGiaBreakdown(
  m: EntityManager,
  c: Context,
  people: Map<string, Actor>,
  agencyIds: Map<string, string>,
): Promise<number> {
  const today = localDate(c.now);
  const given = addDays(today, -40);
  const due = addDays(today, 60);
  const cityOffice = people.get('vanphong-rachgia')!;
  const lead: { id: string }[] = await m.query(`SELECT id FROM agencies WHERE code = 'thanh-uy-rach-gia'`);
  const parent = await create(m, c, c.directive07, c.provinceOffice, given, {
    code: '07-CTr/TU-TP-RG',
    title: 'Cụ thể hóa Chương trình hành động 07-CTr/TU thành kế hoạch của Thành phố Rạch Giá và tổ chức thực hiện',
    description: 'Xây dựng kế hoạch của Thành ủy, phân công các ban, phường thực hiện; báo cáo kết quả về Tỉnh ủy.',
    leadAgencyId: lead[0].id,
    dueDate: due,
  });
  const row = await move(
    m,
    c,
    parent,
    c.provinceOffice,
    { type: 'ASSIGN', comment: 'Giao Thành ủy Rạch Giá.' },
    at(given),
  );
  await move(
    m,
    c,
    row,
    cityOffice,
    { type: 'START', comment: 'Thành ủy tiếp nhận, xây dựng kế hoạch.' },
    at(addDays(given, 2)),
  );

  const plan: { id: string }[] = await m.query(
    `INSERT INTO directives (number, kind, title, issued_on, issuer, signer, place, created_by)
     VALUES ('45-KH/ThU', 'plan', $1, $2::date, 'Thành ủy Rạch Giá', NULL, 'Rạch Giá', $3) RETURNING id`,
    [
      'Kế hoạch của Ban Thường vụ Thành ủy Rạch Giá thực hiện Chương trình hành động số 07-CTr/TU của Tỉnh ủy',
      addDays(given, 5),
      cityOffice.userId,
    ],
  );
  const parts = [
    {
      code: '45-KH/ThU-01',
      agency: 'ban-tuyen-giao-thanh-uy-rach-gia',
      title: 'Tổ chức quán triệt Chương trình 07-CTr/TU đến cán bộ, đảng viên các phường',
      dueDate: addDays(today, 20),
      progress: 60,
    },
    {
      code: '45-KH/ThU-02',
      agency: 'ban-dan-van-thanh-uy-rach-gia',
      title: 'Vận động nhân dân tham gia chỉnh trang đô thị theo chỉ tiêu của Chương trình',
      dueDate: addDays(today, 45),
      progress: null,
    },
  ];
  for (const p of parts) {
    const sub = await create(m, c, plan[0].id, cityOffice, addDays(given, 6), {
      code: p.code,
      title: p.title,
      description: '',
      leadAgencyId: agencyIds.get(p.agency)!,
      dueDate: p.dueDate,
      parentTaskId: parent.id,
    });
    let s = await move(
      m,
      c,
      sub,
      cityOffice,
      { type: 'ASSIGN', comment: 'Giao theo Kế hoạch 45-KH/ThU.' },
      at(addDays(given, 7)),
    );
    if (p.progress !== null) {
      const head = people.get(p.agency)!;
      s = await move(m, c, s, head, { type: 'START' }, at(addDays(given, 9)));
      // A progress report, through the writer like the API's (history row, the Office told).
      const when = at(addDays(today, -3), 16);
      const narrative = 'Đã quán triệt tại 8/12 phường; các phường còn lại hoàn thành trong tháng.';
      const report: { id: string }[] = await m.query(
        `INSERT INTO progress_reports (task_id, percent, narrative, agency_id, reported_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [s.id, p.progress, narrative, head.agencyId, head.userId, when],
      );
      const applied = await c.writer.apply(m, {
        kind: 'PROGRESS_REPORTED',
        taskId: s.id,
        actor: head,
        from: s.state,
        set: { progressPercent: p.progress, progressAt: when },
        comment: narrative,
        data: { reportId: report[0].id, percent: p.progress, periodId: null, files: 0 },
        notificationData: { reportId: report[0].id, percent: p.progress, periodId: null },
        at: when,
      });
      if (!applied) throw new Error(`demo seed: ${p.code} progress was not applied`);
    }
  }
  return 1 + parts.length;
}

async function create(
  m: EntityManager,
  c: Context,
  directiveId: string,
  actor: Actor,
  day: string,
  t: {
    code: string;
    title: string;
    description: string;
    leadAgencyId: string;
    dueDate: string;
    parentTaskId?: string;
  },
): Promise<TaskRow> {
  const [row] = await c.writer.create(
    m,
    directiveId,
    [
      {
        ...t,
        deliverableType: 'ke_hoach',
        field: 'party_building',
        coordinatingAgencyIds: [],
        deadlineText: null,
        searchText: searchTextOf(t),
        parentTaskId: t.parentTaskId ?? null,
      },
    ],
    actor,
    { at: at(day, 8), data: t.parentTaskId ? { parentTaskId: t.parentTaskId } : undefined },
  );
  return row;
}

/** One move through the rules and the one writer, as the demo's other tasks. */
async function move(m: EntityManager, c: Context, row: TaskRow, actor: Actor, event: TaskEvent, when: Date) {
  const facts: TaskFacts = { ...toFacts(row), hasPendingSubmission: false };
  const result = applyEvent(facts, actor, event, when);
  if (!result.ok) throw new Error(`demo seed: ${row.code} ${event.type} refused: ${result.refusal.code}`);
  const applied = await c.writer.apply(
    m,
    transitionChange({
      taskId: row.id,
      actor,
      event,
      result,
      before: { version: row.version, leadAgencyId: row.lead_agency_id, completedAt: row.completed_at },
      pendingSubmission: null,
      now: when,
      policy: DEFAULT_ESCALATION_POLICY,
      calendar: c.calendar,
      at: when,
    }),
  );
  if (!applied) throw new Error(`demo seed: ${row.code} ${event.type} was not applied`);
  return applied.task;
}
