import type { TaskEventName, TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import { targetOf, TASK_EVENTS, TASK_STATES, type Actor } from '@dondoc/workflow';
import {
  dropTargets,
  eventForMove,
  eventsFor,
  factsOf,
  inputProblems,
  optimisticTask,
  refusalOf,
} from './transition-rules';
import { taskSummary } from '../test-support/task-summary.fixture';

const task = (overrides: Partial<TaskSummaryDto> = {}): TaskSummaryDto =>
  taskSummary({ coordinatingAgencyIds: ['a-btc'], ...overrides });

const OFFICE: Actor = { userId: 'u-vp', role: 'office', agencyId: 'a-vp' };
const COMMITTEE: Actor = { userId: 'u-btv', role: 'standing_committee', agencyId: null };
const INSPECTOR: Actor = { userId: 'u-kt', role: 'inspector', agencyId: null };
const LEAD: Actor = { userId: 'u-btg', role: 'agency', agencyId: 'a-btg' };
const COORDINATOR: Actor = { userId: 'u-btc', role: 'agency', agencyId: 'a-btc' };

describe('factsOf', () => {
  it('hands libs/workflow the row’s own facts and nothing it cannot know', () => {
    expect(factsOf(task({ state: 'submitted', revision: 2 }))).toEqual({
      state: 'submitted',
      leadAgencyId: 'a-btg',
      coordinatingAgencyIds: ['a-btc'],
      assigneeUserId: null,
      decidingAuthority: 'standing_committee',
      dueDate: '2021-06-30',
      deadlineVersion: 1,
      revision: 2,
    });
  });

  it('carries the handling officer and the deciding authority the rules decide on', () => {
    const facts = factsOf(task({ assigneeUserId: 'u-cv1', decidingAuthority: 'office' }));
    expect(facts.assigneeUserId).toBe('u-cv1');
    expect(facts.decidingAuthority).toBe('office');
  });
});

// People inside an agency and the Committee (issue 15): the web offers what the server allows, no more.
const HEAD: Actor = { ...LEAD, position: 'head' };
const CV1: Actor = { userId: 'u-cv1', role: 'agency', agencyId: 'a-btg', position: 'officer' };
const CV2: Actor = { ...CV1, userId: 'u-cv2' };
const MEMBER: Actor = { userId: 'u-uv', role: 'standing_committee', agencyId: null, position: 'member' };
const STANDING_BOARD: Actor = {
  userId: 'u-tt',
  role: 'standing_committee',
  agencyId: null,
  position: 'standing_board',
};

describe('eventsFor with named people and the deciding authority', () => {
  it('offers START and SUBMIT to the head and to the officer assigned, not to another officer', () => {
    const assigned = task({ state: 'assigned', assigneeUserId: 'u-cv1' });
    expect(eventsFor(assigned, HEAD)).toEqual(['START']);
    expect(eventsFor(assigned, CV1)).toEqual(['START']);
    expect(eventsFor(assigned, CV2)).toEqual([]);
    const working = task({ state: 'in_progress', assigneeUserId: 'u-cv1' });
    expect(eventsFor(working, CV1)).toEqual(['SUBMIT']);
    expect(eventsFor(working, CV2)).toEqual([]);
    expect(dropTargets(working, CV2)).toEqual(new Set());
    expect(refusalOf(working, CV2, 'SUBMIT')?.vi).toBeTruthy();
  });

  it('offers them to every officer when the head lets officers work on all, and to none on an unassigned task otherwise', () => {
    const unassigned = task({ state: 'in_progress', assigneeUserId: null });
    expect(eventsFor(unassigned, CV2)).toEqual([]);
    expect(eventsFor(unassigned, { ...CV2, officersActOnAll: true })).toEqual(['SUBMIT']);
    expect(
      eventsFor(task({ state: 'in_progress', assigneeUserId: 'u-cv1' }), { ...CV2, officersActOnAll: true }),
    ).toEqual(['SUBMIT']);
  });

  it('offers APPROVE and RETURN to the deciding authority only', () => {
    const byCommittee = task({ state: 'submitted', decidingAuthority: 'standing_committee' });
    expect(eventsFor(byCommittee, MEMBER)).toEqual(['APPROVE', 'RETURN']);
    expect(eventsFor(byCommittee, OFFICE)).toEqual([]);

    const byStandingBoard = task({ state: 'submitted', decidingAuthority: 'standing_board' });
    expect(eventsFor(byStandingBoard, MEMBER)).toEqual([]);
    expect(eventsFor(byStandingBoard, STANDING_BOARD)).toEqual(['APPROVE', 'RETURN']);
    expect(dropTargets(byStandingBoard, MEMBER)).toEqual(new Set());
    expect(dropTargets(byStandingBoard, STANDING_BOARD)).toEqual(new Set(['approved', 'in_progress']));

    const byOffice = task({ state: 'submitted', decidingAuthority: 'office' });
    expect(eventsFor(byOffice, MEMBER)).toEqual([]);
    expect(eventsFor(byOffice, STANDING_BOARD)).toEqual([]);
    expect(eventsFor(byOffice, OFFICE)).toEqual(['APPROVE', 'RETURN']);
    expect(refusalOf(byOffice, MEMBER, 'APPROVE')).not.toBeNull();
    expect(refusalOf(byOffice, OFFICE, 'APPROVE')).toBeNull();
  });
});

describe('eventForMove', () => {
  it('maps each drop between columns to the one event that makes it, and nothing else', () => {
    const moves: Record<string, TaskEventName> = {};
    for (const from of TASK_STATES) {
      for (const to of TASK_STATES) {
        const event = eventForMove(from, to);
        if (event) moves[`${from}→${to}`] = event;
      }
    }
    expect(moves).toEqual({
      'drafted→assigned': 'ASSIGN',
      'drafted→cancelled': 'CANCEL',
      'assigned→in_progress': 'START',
      'assigned→cancelled': 'CANCEL',
      'in_progress→submitted': 'SUBMIT',
      'in_progress→cancelled': 'CANCEL',
      'submitted→approved': 'APPROVE',
      'submitted→in_progress': 'RETURN',
    });
  });

  it('follows targetOf for every event that changes the column; REASSIGN, which does not, is menu-only', () => {
    for (const from of TASK_STATES) {
      for (const event of TASK_EVENTS) {
        const to = targetOf(from, event);
        if (to === null) continue;
        expect(eventForMove(from, to)).toBe(to === from ? null : event);
      }
    }
    expect(targetOf('assigned', 'REASSIGN')).toBe('assigned');
  });

  it('means nothing for a drop in the same column or from a state it does not know', () => {
    expect(eventForMove('assigned', 'assigned')).toBeNull();
    expect(eventForMove('approved', 'in_progress')).toBeNull();
    expect(eventForMove('archived' as TaskStateName, 'cancelled')).toBeNull();
  });
});

describe('dropTargets', () => {
  const targets = (t: TaskSummaryDto, actor: Actor) => [...dropTargets(t, actor)].sort();

  it('offers the columns this user may move the card to now', () => {
    expect(targets(task({ state: 'drafted' }), OFFICE)).toEqual(['assigned', 'cancelled']);
    expect(targets(task({ state: 'assigned' }), LEAD)).toEqual(['in_progress']);
    expect(targets(task({ state: 'in_progress' }), LEAD)).toEqual(['submitted']);
    expect(targets(task({ state: 'submitted' }), COMMITTEE)).toEqual(['approved', 'in_progress']);
  });

  it('leaves out REASSIGN (same column) although the Office may send it', () => {
    const assigned = task({ state: 'assigned' });
    expect(eventsFor(assigned, OFFICE)).toContain('REASSIGN');
    expect(targets(assigned, OFFICE)).toEqual(['cancelled']);
  });

  it('offers nothing to readers, coordinators, or on finished work', () => {
    expect(targets(task({ state: 'in_progress' }), INSPECTOR)).toEqual([]);
    expect(targets(task({ state: 'in_progress' }), COORDINATOR)).toEqual([]);
    expect(targets(task({ state: 'approved' }), OFFICE)).toEqual([]);
    expect(targets(task({ state: 'cancelled' }), COMMITTEE)).toEqual([]);
  });
});

describe('refusalOf', () => {
  it('is null when the user may send the event', () => {
    expect(refusalOf(task({ state: 'submitted' }), COMMITTEE, 'RETURN')).toBeNull();
  });

  it('names who may act, in Vietnamese and English, rather than a missing comment', () => {
    const refusal = refusalOf(task({ state: 'submitted' }), LEAD, 'APPROVE');
    expect(refusal).toEqual({
      vi: 'Chỉ Ban Thường vụ Tỉnh ủy mới được thông qua kết quả đã trình.',
      en: 'Only the Standing Committee can approve submitted work.',
    });
  });

  it('names the state when the role is right but the column is not', () => {
    const refusal = refusalOf(task({ state: 'assigned' }), COMMITTEE, 'APPROVE');
    expect(refusal?.vi).toContain('Không thể');
    expect(refusal?.en).toContain('is not possible while the task is');
  });
});

describe('optimisticTask', () => {
  it('moves the card where the workflow will and waits for the server to say what comes next', () => {
    const before = task({ state: 'assigned', allowedEvents: ['START'] });
    const after = optimisticTask(before, { event: 'START' });
    expect(after.state).toBe('in_progress');
    expect(after.allowedEvents).toEqual([]);
    expect(before.state).toBe('assigned');
  });

  it('counts a new round on RETURN and carries the chosen lead and deadline on ASSIGN', () => {
    expect(optimisticTask(task({ state: 'submitted', revision: 1 }), { event: 'RETURN' })).toMatchObject({
      state: 'in_progress',
      revision: 2,
    });
    expect(
      optimisticTask(task({ state: 'drafted', leadAgencyId: null, dueDate: null }), {
        event: 'ASSIGN',
        leadAgencyId: 'a-bdv',
        dueDate: '2021-09-30',
      }),
    ).toMatchObject({ state: 'assigned', leadAgencyId: 'a-bdv', dueDate: '2021-09-30', revision: 0 });
  });

  it('keeps the lead and deadline when none is chosen, and the state for an event the state does not take', () => {
    const assigned = task({ state: 'assigned' });
    expect(optimisticTask(assigned, { event: 'REASSIGN', leadAgencyId: '' })).toMatchObject({
      state: 'assigned',
      leadAgencyId: 'a-btg',
      dueDate: '2021-06-30',
    });
    expect(optimisticTask(task({ state: 'approved' }), { event: 'CANCEL' }).state).toBe('approved');
  });
});

describe('inputProblems', () => {
  const codes = (problems: ReturnType<typeof inputProblems>) =>
    Object.fromEntries(Object.entries(problems).map(([field, p]) => [field, p.code]));

  it('asks for a comment on RETURN and CANCEL, blank counting as none, in the workflow’s words', () => {
    const submitted = task({ state: 'submitted' });
    const returned = inputProblems(submitted, 'RETURN', { comment: '   ' });
    expect(codes(returned)).toEqual({ comment: 'COMMENT_REQUIRED' });
    expect(returned.comment?.text).toEqual({
      vi: 'Vui lòng ghi rõ nội dung cần bổ sung, chỉnh sửa trước khi trả lại.',
      en: 'Write what must be added or corrected before returning the work.',
    });
    expect(inputProblems(task(), 'CANCEL', {}).comment?.text.vi).toBe('Vui lòng nhập lý do hủy nhiệm vụ.');
    expect(inputProblems(submitted, 'RETURN', { comment: 'Bổ sung số liệu' })).toEqual({});
  });

  it('reports every missing field of ASSIGN at once, even when the task already had them', () => {
    const drafted = task({ state: 'drafted' });
    expect(codes(inputProblems(drafted, 'ASSIGN', { leadAgencyId: '', dueDate: '' }))).toEqual({
      leadAgencyId: 'LEAD_AGENCY_REQUIRED',
      dueDate: 'DUE_DATE_REQUIRED',
    });
    expect(codes(inputProblems(drafted, 'ASSIGN', { leadAgencyId: 'a-btg' }))).toEqual({
      dueDate: 'DUE_DATE_REQUIRED',
    });
    expect(inputProblems(drafted, 'ASSIGN', { leadAgencyId: 'a-btg', dueDate: '2021-06-30' })).toEqual({});
  });

  it('refuses a due date that is not a real day', () => {
    const problems = inputProblems(task({ state: 'drafted' }), 'ASSIGN', {
      leadAgencyId: 'a-btg',
      dueDate: '2021-02-30',
    });
    expect(codes(problems)).toEqual({ dueDate: 'INVALID_DUE_DATE' });
    expect(problems.dueDate?.text.vi).toContain('không phải là ngày hợp lệ');
  });

  it('wants a different lead on REASSIGN; its due date is optional but must be real', () => {
    const assigned = task({ state: 'assigned' });
    expect(codes(inputProblems(assigned, 'REASSIGN', { leadAgencyId: 'a-btg' }))).toEqual({
      leadAgencyId: 'SAME_LEAD_AGENCY',
    });
    expect(codes(inputProblems(assigned, 'REASSIGN', { leadAgencyId: '', dueDate: '2021-02-30' }))).toEqual({
      leadAgencyId: 'LEAD_AGENCY_REQUIRED',
      dueDate: 'INVALID_DUE_DATE',
    });
    expect(inputProblems(assigned, 'REASSIGN', { leadAgencyId: 'a-bdv' })).toEqual({});
    expect(inputProblems(assigned, 'REASSIGN', { leadAgencyId: 'a-bdv', dueDate: '2021-12-31' })).toEqual({});
  });

  it('asks nothing of START and APPROVE, and leaves SUBMIT’s deliverable to the server', () => {
    expect(inputProblems(task({ state: 'assigned' }), 'START', {})).toEqual({});
    expect(inputProblems(task({ state: 'submitted' }), 'APPROVE', {})).toEqual({});
    expect(inputProblems(task({ state: 'in_progress' }), 'SUBMIT', {})).toEqual({});
  });

  it('on an empty form, names the fields each event asks for (what the dialog shows)', () => {
    const fields = Object.fromEntries(
      TASK_EVENTS.map((event) => [event, Object.keys(inputProblems(task(), event, {})).sort()]),
    );
    expect(fields).toEqual({
      ASSIGN: ['dueDate', 'leadAgencyId'],
      REASSIGN: ['leadAgencyId'],
      START: [],
      SUBMIT: [],
      APPROVE: [],
      RETURN: ['comment'],
      CANCEL: ['comment'],
    });
  });
});
