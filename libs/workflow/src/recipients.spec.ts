import { TASK_EVENTS, TASK_STATES } from './task.model.js';
import {
  AUDIENCES,
  CHANGE_KINDS,
  RECIPIENTS,
  audiencesOf,
  isChangeKind,
  reminderAudiences,
  type Audience,
} from './recipients.js';
import { DEFAULT_ESCALATION_POLICY, planDeadlineActions, planReviewReminder } from './escalation.policy.js';

const L = 'lead_agency';
const P = 'previous_lead_agency';
const C = 'coordinating_agencies';
const O = 'office';
const S = 'standing_committee';
const A = 'assignee';
const RL = 'responsible_leader';
const H = 'agency_head';
const M = 'monitoring_officer';
const T = 'target_agency';

describe('the recipient rule', () => {
  // The table as the users described it; a change here is a change of who hears of what.
  it.each<[string, Audience[]]>([
    ['CREATE', []],
    ['EDIT', []],
    ['ASSIGN', [L, C]],
    ['REASSIGN', [L, P, C]],
    ['START', [O]],
    ['SUBMIT', [S, O]],
    ['APPROVE', [L, C, O]],
    ['RETURN', [L, O]],
    ['CANCEL', [L, C, O, S]],
    ['COMMENT', [L, C, O]],
    ['DELIVERABLE_UPLOADED', [L, O]],
    ['EXTENSION_REQUESTED', [S, O]],
    ['EXTENSION_GRANTED', [L, C, O]],
    ['EXTENSION_REFUSED', [L, O]],
    // The named chain: the officer, then the leader, the agency's head and the Office's monitoring officer.
    ['remind_before', [A, RL]],
    ['overdue', [A, RL, H, M, O]],
    ['escalate', [S, O, A, RL, H, M]],
    ['review_reminder', [S]],
    ['INCIDENT', [O]],
    ['PEOPLE_SET', [A, RL, M]],
    ['CONTRIBUTION_REQUESTED', [T]],
    ['CONTRIBUTION_SUBMITTED', [L]],
    ['CONTRIBUTION_ACCEPTED', [T]],
    ['CONTRIBUTION_RETURNED', [T]],
    ['contribution_remind', [T]],
    ['contribution_overdue', [T, L]],
    ['contribution_escalate', [T, L, O]],
    ['MILESTONES_SET', [A, RL]],
    ['milestone_remind', [A, RL]],
    ['milestone_overdue', [A, RL, H, M]],
    ['PROGRESS_REPORTED', [M]],
    ['PROGRESS_REQUESTED', [L]],
    ['progress_remind', [L, M]],
  ])('%s tells %j', (kind, audiences) => {
    expect(isChangeKind(kind)).toBe(true);
    expect(audiencesOf(kind as never, { from: 'in_progress', to: 'in_progress' })).toEqual(audiences);
  });

  it('covers every change kind, every workflow event included, with known audiences only', () => {
    expect(Object.keys(RECIPIENTS).sort()).toEqual([...CHANGE_KINDS].sort());
    for (const e of TASK_EVENTS) expect(CHANGE_KINDS).toContain(e);
    for (const list of Object.values(RECIPIENTS)) for (const a of list) expect(AUDIENCES).toContain(a);
  });

  it('tells no agency of a draft: not when it is edited, not when it is cancelled before it was assigned', () => {
    expect(audiencesOf('CANCEL', { from: 'drafted', to: 'cancelled' })).toEqual([O, S]);
    expect(audiencesOf('COMMENT', { from: 'drafted', to: 'drafted' })).toEqual([O]);
    expect(audiencesOf('ASSIGN', { from: 'drafted', to: 'assigned' })).toEqual([L, C]);
    for (const from of TASK_STATES.filter((s) => s !== 'drafted')) {
      expect(audiencesOf('CANCEL', { from, to: 'cancelled' })).toEqual([L, C, O, S]);
    }
  });

  it('refuses names that are not change kinds, prototype names included', () => {
    for (const k of ['constructor', 'toString', 'notify', '', 'assign']) expect(isChangeKind(k)).toBe(false);
  });

  it('is the audience the escalation ladder schedules', () => {
    const ladder = planDeadlineActions('2021-06-30', DEFAULT_ESCALATION_POLICY);
    const reminders = ladder.filter((a) => a.rung === 'remind_before');
    // The earliest reminder tells the handling officer alone; the later ones bring in the leader.
    expect(reminders.map((a) => a.audiences)).toEqual([[A], [A, RL]]);
    expect(reminderAudiences(0)).toEqual([A]);
    for (const a of ladder.filter((x) => x.rung !== 'remind_before')) expect(a.audiences).toEqual(RECIPIENTS[a.rung]);
    expect(planReviewReminder(new Date(0), DEFAULT_ESCALATION_POLICY).audiences).toEqual(RECIPIENTS.review_reminder);
  });
});
