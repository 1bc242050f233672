import fc from 'fast-check';
import type { Response } from 'supertest';
import { agencyId, directiveId, makeTask } from '../../e2e/support/fixtures.js';
import type { TestApp } from '../../e2e/support/test-app.js';
import { report } from './figures.js';

/**
 * Model-based test of the task lifecycle against the real API: fast-check draws command sequences
 * (create, assign, start, upload, submit, approve, return, cancel, extend) sent by random actors, and
 * after every command the answer (status and error code) and the stored task (state, version, due date)
 * must be what a small in-memory model says. The model is written by hand from the rules in README.md
 * and docs/decisions.md (visibility → 404, role → 403, state → 409, input → 400), not from libs/workflow.
 */

type State = 'drafted' | 'assigned' | 'in_progress' | 'submitted' | 'approved' | 'cancelled';
type Who = 'office' | 'committee' | 'lead' | 'coord' | 'unrelated';
const WHO: readonly Who[] = ['office', 'committee', 'lead', 'coord', 'unrelated'];
const ACCOUNT: Record<Who, string> = {
  office: 'vanphong',
  committee: 'thuongvu',
  lead: 'ban-tuyen-giao',
  coord: 'ban-dan-van',
  unrelated: 'ban-noi-chinh',
};
const MAX_TASKS = 4;
const START_DUE = '2030-12-31';

interface TaskModel {
  id: string;
  state: State;
  version: number;
  /** A deliverable of the current revision awaits a decision. */
  pending: boolean;
  dueDate: string;
  /** The open extension request, if any, and the date it asks for. */
  openExtension: { id: string; requestedDueDate: string } | null;
}
interface Model {
  tasks: TaskModel[];
}
interface Written {
  taskId: string;
  version: number;
  event: string;
}
interface Real {
  t: TestApp;
  directiveId: string;
  lead: string;
  coord: string;
  /** Every write the API acknowledged that must leave a history row: (task, version after, event). */
  written: Written[];
  tally: { attempted: number; acknowledged: number };
}
type Expect = { status: number; code?: string };

const visible = (task: TaskModel, who: Who) =>
  who === 'office' || who === 'committee' ? true : who === 'unrelated' ? false : task.state !== 'drafted';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function check(res: Response, want: Expect, what: string): void {
  // A task's own `code` field is not an error code: compare codes on errors only.
  const got = { status: res.status, code: res.status >= 400 ? (res.body?.code as string | undefined) : undefined };
  const expected = { status: want.status, code: want.status >= 400 ? (want.code ?? got.code) : undefined };
  if (got.status !== expected.status || got.code !== expected.code) {
    throw new Error(
      `divergence on ${what}: model says ${JSON.stringify(expected)}, API answered ${res.status} ${JSON.stringify(res.body)}`,
    );
  }
}

async function compareStored(r: Real, m: TaskModel, what: string): Promise<void> {
  const row = await r.t.db.query<{ state: string; version: number; due_date: string }>(
    `SELECT state, version, due_date::text FROM tasks WHERE id = $1`,
    [m.id],
  );
  const got = row.rows[0];
  const want = { state: m.state, version: m.version, due_date: m.dueDate };
  if (got.state !== want.state || got.version !== want.version || got.due_date !== want.due_date) {
    throw new Error(`divergence after ${what}: model ${JSON.stringify(want)}, stored ${JSON.stringify(got)}`);
  }
}

const EVENTS = {
  ASSIGN: { senders: ['office'], from: ['drafted'], to: 'assigned' },
  START: { senders: ['lead'], from: ['assigned'], to: 'in_progress' },
  SUBMIT: { senders: ['lead'], from: ['in_progress'], to: 'submitted' },
  APPROVE: { senders: ['committee'], from: ['submitted'], to: 'approved' },
  RETURN: { senders: ['committee'], from: ['submitted'], to: 'in_progress' },
  CANCEL: { senders: ['office', 'committee'], from: ['drafted', 'assigned', 'in_progress'], to: 'cancelled' },
} as const satisfies Record<string, { senders: readonly Who[]; from: readonly State[]; to: State }>;
type Event = keyof typeof EVENTS;

class TransitionCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly event: Event,
    readonly who: Who,
    readonly index: number,
  ) {}
  check(m: Readonly<Model>) {
    return m.tasks.length > 0;
  }
  async run(m: Model, r: Real) {
    const task = m.tasks[this.index % m.tasks.length];
    const rule = EVENTS[this.event];
    let want: Expect;
    if (!visible(task, this.who)) want = { status: 404, code: 'NOT_FOUND' };
    else if (!(rule.senders as readonly Who[]).includes(this.who)) want = { status: 403, code: 'FORBIDDEN_ROLE' };
    else if (!(rule.from as readonly State[]).includes(task.state)) want = { status: 409, code: 'INVALID_TRANSITION' };
    else if (this.event === 'SUBMIT' && !task.pending) want = { status: 400, code: 'SUBMISSION_REQUIRED' };
    else want = { status: 200 };
    r.tally.attempted++;
    const res = await r.t.http
      .post(`/api/tasks/${task.id}/transitions`)
      .set(await r.t.as(ACCOUNT[this.who]))
      .send({ event: this.event, expectedVersion: task.version, comment: `Ý kiến ${this.event}` });
    check(res, want, this.toString());
    if (res.status === 200) {
      r.tally.acknowledged++;
      task.version++;
      task.state = rule.to;
      if (this.event === 'APPROVE' || this.event === 'RETURN') task.pending = false;
      r.written.push({ taskId: task.id, version: task.version, event: this.event });
      expect(res.body).toMatchObject({ id: task.id, state: task.state, version: task.version });
    }
    await compareStored(r, task, this.toString());
  }
  toString() {
    return `${this.event}(${this.who}, #${this.index})`;
  }
}

class CreateCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: Who) {}
  check(m: Readonly<Model>) {
    return m.tasks.length < MAX_TASKS;
  }
  async run(m: Model, r: Real) {
    const want: Expect = this.who === 'office' ? { status: 201 } : { status: 403 };
    r.tally.attempted++;
    const res = await r.t.http
      .post('/api/tasks')
      .set(await r.t.as(ACCOUNT[this.who]))
      .send({
        directiveId: r.directiveId,
        title: 'Nhiệm vụ của phép thử theo mô hình',
        deliverableType: 'ke_hoach',
        field: 'economy',
        leadAgencyId: r.lead,
        coordinatingAgencyIds: [r.coord],
        dueDate: START_DUE,
      });
    check(res, want, this.toString());
    if (res.status === 201) {
      r.tally.acknowledged++;
      const task: TaskModel = {
        id: res.body.id,
        state: 'drafted',
        version: 1,
        pending: false,
        dueDate: START_DUE,
        openExtension: null,
      };
      expect(res.body).toMatchObject({ state: 'drafted', version: 1 });
      m.tasks.push(task);
      r.written.push({ taskId: task.id, version: 1, event: 'CREATE' });
      await compareStored(r, task, this.toString());
    }
  }
  toString() {
    return `CREATE(${this.who})`;
  }
}

class UploadCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly who: Who,
    readonly index: number,
  ) {}
  check(m: Readonly<Model>) {
    return m.tasks.length > 0;
  }
  async run(m: Model, r: Real) {
    const task = m.tasks[this.index % m.tasks.length];
    let want: Expect;
    if (!visible(task, this.who)) want = { status: 404, code: 'NOT_FOUND' };
    else if (this.who === 'lead') want = task.state === 'in_progress' ? { status: 201 } : { status: 409 };
    else want = { status: 403 };
    r.tally.attempted++;
    const res = await r.t.http
      .post(`/api/tasks/${task.id}/submissions`)
      .set(await r.t.as(ACCOUNT[this.who]))
      .field('note', 'Dự thảo sản phẩm');
    check(res, want, this.toString());
    if (res.status === 201) {
      r.tally.acknowledged++;
      task.pending = true;
      r.written.push({ taskId: task.id, version: task.version, event: 'DELIVERABLE_UPLOADED' });
    }
    await compareStored(r, task, this.toString());
  }
  toString() {
    return `UPLOAD(${this.who}, #${this.index})`;
  }
}

/** Xin gia hạn: `asker` asks for 30 more days (unless a request is open already), then `decider` grants it. */
class ExtendCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly asker: Who,
    readonly decider: Who,
    readonly index: number,
  ) {}
  check(m: Readonly<Model>) {
    return m.tasks.length > 0;
  }
  async run(m: Model, r: Real) {
    const task = m.tasks[this.index % m.tasks.length];
    const requestedDueDate = addDays(task.dueDate, 30);
    let ask: Expect;
    if (!visible(task, this.asker)) ask = { status: 404, code: 'NOT_FOUND' };
    else if (this.asker !== 'lead') ask = { status: 403, code: 'FORBIDDEN_ROLE' };
    else if (task.state !== 'assigned' && task.state !== 'in_progress')
      ask = { status: 409, code: 'INVALID_TRANSITION' };
    else if (task.openExtension) ask = { status: 409, code: 'EXTENSION_ALREADY_OPEN' };
    else ask = { status: 201 };
    r.tally.attempted++;
    const asked = await r.t.http
      .post(`/api/tasks/${task.id}/extension-requests`)
      .set(await r.t.as(ACCOUNT[this.asker]))
      .send({ requestedDueDate, reason: 'Cần thêm thời gian lấy ý kiến.' });
    check(asked, ask, `${this.toString()} (ask)`);
    if (asked.status === 201) {
      r.tally.acknowledged++;
      task.openExtension = { id: asked.body.id, requestedDueDate };
      r.written.push({ taskId: task.id, version: task.version, event: 'EXTENSION_REQUESTED' });
    }
    await compareStored(r, task, `${this.toString()} (ask)`);
    const open = task.openExtension;
    if (!open) return;

    let decide: Expect;
    if (!visible(task, this.decider)) decide = { status: 404, code: 'NOT_FOUND' };
    else if (this.decider !== 'committee') decide = { status: 403, code: 'FORBIDDEN_ROLE' };
    else if (!['assigned', 'in_progress', 'submitted'].includes(task.state))
      decide = { status: 409, code: 'INVALID_TRANSITION' };
    else if (open.requestedDueDate <= task.dueDate) decide = { status: 409, code: 'EXTENSION_OUTDATED' };
    else decide = { status: 200 };
    r.tally.attempted++;
    const decided = await r.t.http
      .post(`/api/extension-requests/${open.id}/decision`)
      .set(await r.t.as(ACCOUNT[this.decider]))
      .send({ decision: 'grant', comment: 'Đồng ý gia hạn.' });
    check(decided, decide, `${this.toString()} (grant)`);
    if (decided.status === 200) {
      r.tally.acknowledged++;
      task.version++;
      task.dueDate = open.requestedDueDate;
      task.openExtension = null;
      r.written.push({ taskId: task.id, version: task.version, event: 'EXTENSION_GRANTED' });
      expect(decided.body.task).toMatchObject({ dueDate: task.dueDate, version: task.version });
    }
    await compareStored(r, task, `${this.toString()} (grant)`);
  }
  toString() {
    return `EXTEND(${this.asker} asks, ${this.decider} grants, #${this.index})`;
  }
}

const who = fc.constantFrom(...WHO);
const index = fc.nat({ max: MAX_TASKS - 1 });
// Any actor may be drawn, but the right one is favoured (2 to 1) so that runs also walk the whole lifecycle.
const favour = (right: fc.Arbitrary<Who>) => fc.oneof({ arbitrary: who, weight: 1 }, { arbitrary: right, weight: 2 });
const sender = (e: Event) => favour(fc.constantFrom(...(EVENTS[e].senders as readonly Who[])));
const COMMANDS = [
  who.map((w) => new CreateCommand(w)),
  fc.tuple(sender('ASSIGN'), index).map(([w, i]) => new TransitionCommand('ASSIGN', w, i)),
  fc.tuple(sender('START'), index).map(([w, i]) => new TransitionCommand('START', w, i)),
  fc.tuple(favour(fc.constant('lead')), index).map(([w, i]) => new UploadCommand(w, i)),
  fc.tuple(sender('SUBMIT'), index).map(([w, i]) => new TransitionCommand('SUBMIT', w, i)),
  fc.tuple(sender('APPROVE'), index).map(([w, i]) => new TransitionCommand('APPROVE', w, i)),
  fc.tuple(sender('RETURN'), index).map(([w, i]) => new TransitionCommand('RETURN', w, i)),
  fc.tuple(sender('CANCEL'), index).map(([w, i]) => new TransitionCommand('CANCEL', w, i)),
  fc
    .tuple(favour(fc.constant('lead')), favour(fc.constant('committee')), index)
    .map(([a, d, i]) => new ExtendCommand(a, d, i)),
];

export async function modelBasedRun(t: TestApp, name: string, numRuns: number): Promise<void> {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2_147_483_647;
  process.stderr.write(`fault ${name}: seed ${seed}, ${numRuns} runs (FC_SEED=${seed} to replay)\n`);
  const lead = await agencyId(t.db, ACCOUNT.lead);
  const coord = await agencyId(t.db, ACCOUNT.coord);
  const directive = await directiveId(t.db);
  // Signed in once for all runs (the login limit is per address and per account).
  for (const w of WHO) await t.token(ACCOUNT[w]);

  const totals = { runs: 0, commands: 0, attempted: 0, acknowledged: 0, found: 0, duplicated: 0, lost: 0 };
  const started = Date.now();
  const property = fc.asyncProperty(fc.commands(COMMANDS, { maxCommands: 20, size: '+1' }), async (cmds) => {
    // Fresh tasks for every run: one drafted by the Office, one already assigned.
    const tasks: TaskModel[] = [];
    for (const state of ['drafted', 'assigned'] as const) {
      const made = await makeTask(t.db, {
        state,
        lead: ACCOUNT.lead,
        coordinating: [ACCOUNT.coord],
        dueDate: START_DUE,
      });
      tasks.push({
        id: made.id,
        state,
        version: made.version,
        pending: false,
        dueDate: START_DUE,
        openExtension: null,
      });
    }
    const real: Real = {
      t,
      directiveId: directive,
      lead,
      coord,
      written: [],
      tally: { attempted: 0, acknowledged: 0 },
    };
    await fc.asyncModelRun(() => ({ model: { tasks }, real }), cmds);

    // Every acknowledged write left exactly one history row, at the version it answered.
    const ids = [...new Set(real.written.map((w) => w.taskId))];
    const rows = await t.db.query<{ task_id: string; task_version: number; event: string; n: number }>(
      `SELECT task_id, task_version, event, count(*)::int AS n FROM task_events
        WHERE task_id = ANY($1::uuid[]) AND event NOT IN ('REMINDED', 'ESCALATED') GROUP BY 1, 2, 3`,
      [ids],
    );
    const stored = new Map(rows.rows.map((x) => [`${x.task_id}/${x.task_version}/${x.event}`, x.n]));
    let found = 0;
    let duplicated = 0;
    let lost = 0;
    const uploads = new Map<string, number>();
    for (const w of real.written) {
      const key = `${w.taskId}/${w.version}/${w.event}`;
      // Several uploads at one version are several rows under one key.
      const seen = (uploads.get(key) ?? 0) + 1;
      uploads.set(key, seen);
      const n = stored.get(key) ?? 0;
      if (n >= seen) found++;
      else lost++;
    }
    for (const [key, n] of stored) {
      const expected = uploads.get(key) ?? 0;
      if (n > expected) duplicated += n - expected;
    }
    totals.runs++;
    totals.commands += [...cmds].length;
    totals.attempted += real.tally.attempted;
    totals.acknowledged += real.tally.acknowledged;
    totals.found += found;
    totals.duplicated += duplicated;
    totals.lost += lost;
    if (lost || duplicated) {
      throw new Error(
        `history: ${lost} acknowledged writes lost, ${duplicated} duplicated (${JSON.stringify(real.written)})`,
      );
    }
  });
  let divergences = 0;
  try {
    await fc.assert(property, { numRuns, seed, verbose: 1 });
  } catch (e) {
    divergences = 1;
    throw e;
  } finally {
    const { runs, commands, ...figures } = totals;
    report(name, figures, { runs, commands, divergences, seed, seconds: Math.round((Date.now() - started) / 1000) });
  }
}
