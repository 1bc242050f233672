import type { BulkTaskActionRequest } from '@dondoc/contracts';
import type { TaskRow } from '@dondoc/persistence';
import { DEFAULT_CALENDAR_SETTINGS, DEFAULT_ESCALATION_POLICY, WorkingCalendar, type Actor } from '@dondoc/workflow';
import {
  decideBulkItem,
  duplicateIds,
  leadsToCheck,
  type BulkContext,
  type BulkTaskState,
} from './bulk-task-decision.js';

const LEAD = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const ORG = '33333333-3333-4333-8333-333333333333';
const office: Actor = { userId: 'u-office', role: 'office', agencyId: null, organisationId: ORG };
const committee: Actor = { userId: 'u-committee', role: 'standing_committee', agencyId: null, organisationId: ORG };

function row(over: Partial<TaskRow> = {}): TaskRow {
  return {
    id: 'task-1',
    code: '28-KL/TU-01',
    directive_id: 'd-1',
    organisation_id: ORG,
    title: 'Nhiệm vụ',
    deliverable_type: 'ke_hoach',
    field: 'economy',
    state: 'drafted',
    version: 3,
    revision: 0,
    deadline_version: 0,
    lead_agency_id: LEAD,
    coordinating_agency_ids: [],
    due_date: '2030-12-31',
    original_due_date: '2030-12-31',
    deadline_text: null,
    effective_due_date: '2030-12-31',
    deadline_working_days: null,
    deadline_from: null,
    continuous: false,
    escalation_level: 0,
    completed_at: null,
    updated_at: new Date('2026-01-01T00:00:00Z'),
    assignee_user_id: null,
    responsible_leader_user_id: null,
    monitoring_user_id: null,
    deciding_authority: 'standing_committee',
    is_key: false,
    progress_percent: null,
    progress_at: null,
    series_id: null,
    period_key: null,
    carried_from_task_id: null,
    parent_task_id: null,
    due_exception: null,
    classification: 'normal',
    content_reference: null,
    ...over,
  };
}

const state = (over: Partial<TaskRow> = {}): BulkTaskState => ({
  row: row(over),
  pendingSubmission: null,
  policy: DEFAULT_ESCALATION_POLICY,
});
const ctx = (over: Partial<BulkContext> = {}): BulkContext => ({
  actor: office,
  now: new Date('2026-06-01T03:00:00Z'),
  requestId: 'req-1',
  calendar: new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS),
  isActiveAgency: () => true,
  ...over,
});
const item = { taskId: 'task-1', expectedVersion: 3 };
const assign: BulkTaskActionRequest = { action: 'assign', items: [item] };

describe('decideBulkItem', () => {
  it('assigns a draft to its own lead and deadline when the batch names none', () => {
    const d = decideBulkItem(assign, item, state(), ctx());
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.change).toMatchObject({
      kind: 'ASSIGN',
      taskId: 'task-1',
      from: 'drafted',
      expect: { version: 3 },
      set: { state: 'assigned', leadAgencyId: LEAD, dueDate: '2030-12-31' },
      requestId: 'req-1',
    });
  });

  it('takes the lead and deadline the batch names over the draft’s', () => {
    const d = decideBulkItem({ ...assign, leadAgencyId: OTHER, dueDate: '2031-03-31' }, item, state(), ctx());
    expect(d.ok && d.change.set).toMatchObject({ leadAgencyId: OTHER, dueDate: '2031-03-31' });
  });

  it.each([
    ['a task the caller cannot see', undefined, ctx(), 'NOT_FOUND'],
    ['a draft without a lead', state({ lead_agency_id: null }), ctx(), 'LEAD_AGENCY_REQUIRED'],
    ['a draft without a deadline', state({ due_date: null }), ctx(), 'DUE_DATE_REQUIRED'],
    ['a task already assigned', state({ state: 'assigned' }), ctx(), 'INVALID_TRANSITION'],
    ['a disabled lead agency', state(), ctx({ isActiveAgency: () => false }), 'UNKNOWN_AGENCY'],
    ['a role that may not assign', state(), ctx({ actor: committee }), 'FORBIDDEN_ROLE'],
  ] as const)('refuses %s with the single endpoint’s code', (_what, task, c, code) => {
    const d = decideBulkItem(assign, item, task, c);
    expect(d.ok ? null : d.refusal).toEqual({ taskId: 'task-1', code, message: expect.any(String) });
  });

  it('checks the version after the role and before the state, as the single endpoint does', () => {
    const stale = { taskId: 'task-1', expectedVersion: 2 };
    expect(decideBulkItem(assign, stale, state({ state: 'approved' }), ctx())).toMatchObject({
      refusal: { code: 'VERSION_CONFLICT' },
    });
    expect(decideBulkItem(assign, stale, state(), ctx({ actor: committee }))).toMatchObject({
      refusal: { code: 'FORBIDDEN_ROLE' },
    });
  });

  it('moves the deadline of a draft as a draft edit, and only of a draft', () => {
    const req: BulkTaskActionRequest = { action: 'set-due-date', items: [item], dueDate: '2031-06-30' };
    const d = decideBulkItem(req, item, state(), ctx());
    expect(d.ok && d.change).toMatchObject({
      kind: 'EDIT',
      from: 'drafted',
      expect: { version: 3 },
      set: { dueDate: '2031-06-30' },
      data: { changed: ['dueDate'] },
    });
    expect(decideBulkItem(req, item, state({ state: 'in_progress' }), ctx())).toMatchObject({
      refusal: { code: 'TASK_NOT_EDITABLE' },
    });
    expect(decideBulkItem(req, item, state(), ctx({ actor: committee }))).toMatchObject({
      refusal: { code: 'FORBIDDEN' },
    });
  });

  it('cancels with the reason as the comment', () => {
    const req: BulkTaskActionRequest = { action: 'cancel', items: [item], comment: 'Đã lồng ghép' };
    const d = decideBulkItem(req, item, state({ state: 'in_progress' }), ctx());
    expect(d.ok && d.change).toMatchObject({ kind: 'CANCEL', comment: 'Đã lồng ghép', set: { state: 'cancelled' } });
  });
});

describe('leadsToCheck and duplicateIds', () => {
  it('checks the named lead, or each draft’s own once', () => {
    expect(leadsToCheck({ ...assign, leadAgencyId: OTHER }, [row()])).toEqual([OTHER]);
    expect(leadsToCheck(assign, [row(), row(), row({ lead_agency_id: OTHER }), undefined])).toEqual([LEAD, OTHER]);
    expect(leadsToCheck({ action: 'cancel', items: [item], comment: 'x' }, [row()])).toEqual([]);
  });

  it('finds ids sent twice', () => {
    expect(duplicateIds([{ taskId: 'a' }, { taskId: 'b' }, { taskId: 'a' }])).toEqual(['a']);
    expect(duplicateIds([{ taskId: 'a' }, { taskId: 'b' }])).toEqual([]);
  });
});
