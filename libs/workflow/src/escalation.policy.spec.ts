import {
  DEFAULT_ESCALATION_POLICY,
  actionJobId,
  deadlineInstant,
  isActionRelevant,
  isValidPolicy,
  parseIsoDuration,
  planDeadlineActions,
  planPartActions,
  planReviewReminder,
} from './escalation.policy.js';

describe('parseIsoDuration', () => {
  it.each([
    ['P14D', 14 * 86_400_000],
    ['P1W', 7 * 86_400_000],
    ['PT2S', 2000],
    ['PT0.5S', 500],
    ['P1DT2H3M4S', 86_400_000 + 2 * 3_600_000 + 3 * 60_000 + 4000],
    ['PT0S', 0],
  ])('%s = %i ms', (text, ms) => expect(parseIsoDuration(text)).toBe(ms));

  it.each(['', 'P', 'PT', '14D', 'P1M', 'P1Y', 'P-1D', 'PT1H2', 'abc'])('refuses %j', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(RangeError);
  });
});

describe('the default ladder', () => {
  const due = '2021-06-30';
  const deadline = Date.parse('2021-07-01T00:00:00+07:00');

  it('starts being overdue at 00:00 local on the day after the due date', () => {
    expect(deadlineInstant(due).toISOString()).toBe('2021-06-30T17:00:00.000Z');
  });

  it('reminds 14 and 3 days before, is overdue at the deadline, escalates 7 days after', () => {
    const plan = planDeadlineActions(due, DEFAULT_ESCALATION_POLICY);
    expect(plan.map((p) => [p.rung, p.offset, p.dueAt.getTime() - deadline, p.level])).toEqual([
      ['remind_before', 'P14D', -14 * 86_400_000, 0],
      ['remind_before', 'P3D', -3 * 86_400_000, 0],
      ['overdue', 'PT0S', 0, 1],
      ['escalate', 'P7D', 7 * 86_400_000, 2],
    ]);
    expect(plan[2].audiences).toEqual([
      'assignee',
      'responsible_leader',
      'agency_head',
      'monitoring_officer',
      'office',
    ]);
    expect(plan[3].audiences).toContain('standing_committee');
  });

  it('reminds the Standing Committee 10 days after a submission', () => {
    const at = new Date('2021-05-01T03:00:00Z');
    const r = planReviewReminder(at, DEFAULT_ESCALATION_POLICY);
    expect(r.dueAt.getTime() - at.getTime()).toBe(10 * 86_400_000);
    expect(r.audiences).toEqual(['standing_committee']);
  });
});

describe('job ids and relevance', () => {
  it('gives deterministic ids without colons', () => {
    const id = actionJobId('8b566f4c-829c-4ac1-9a24-a2b0e88a49c0', 'remind_before', 'P14D', 3);
    expect(id).toBe('remind_before-P14D-8b566f4c-829c-4ac1-9a24-a2b0e88a49c0-v3');
    expect(actionJobId('x', 'escalate', 'PT1.5S', 1)).not.toContain(':');
  });

  it('fires deadline rungs only for the current deadline version of an unfinished task', () => {
    const task = { state: 'in_progress', deadlineVersion: 2, version: 7 };
    expect(isActionRelevant({ rung: 'overdue', version: 2 }, task)).toBe(true);
    expect(isActionRelevant({ rung: 'overdue', version: 1 }, task)).toBe(false);
    expect(isActionRelevant({ rung: 'escalate', version: 2 }, { ...task, state: 'approved' })).toBe(false);
    expect(isActionRelevant({ rung: 'escalate', version: 2 }, { ...task, state: 'cancelled' })).toBe(false);
    expect(isActionRelevant({ rung: 'remind_before', version: 2 }, { ...task, state: 'submitted' })).toBe(false);
    expect(isActionRelevant({ rung: 'review_reminder', version: 7 }, { ...task, state: 'submitted' })).toBe(true);
    expect(isActionRelevant({ rung: 'review_reminder', version: 6 }, { ...task, state: 'submitted' })).toBe(false);
  });

  it('validates policies from configuration or a directive', () => {
    expect(isValidPolicy(DEFAULT_ESCALATION_POLICY)).toBe(true);
    expect(isValidPolicy({ remindBefore: ['P1M'], escalateAfter: 'P7D', reviewReminderAfter: 'P10D' })).toBe(false);
    expect(isValidPolicy(null)).toBe(false);
  });
});

describe('the actions of a part of a task', () => {
  const due = '2021-03-31';
  const deadline = Date.parse('2021-04-01T00:00:00+07:00');

  it('gives a contribution the task ladder, levels kept at 0: its lateness is its own', () => {
    const plan = planPartActions('contribution', due, DEFAULT_ESCALATION_POLICY);
    expect(plan.map((p) => [p.rung, p.offset, p.dueAt.getTime() - deadline, p.level])).toEqual([
      ['contribution_remind', 'P14D', -14 * 86_400_000, 0],
      ['contribution_remind', 'P3D', -3 * 86_400_000, 0],
      ['contribution_overdue', 'PT0S', 0, 0],
      ['contribution_escalate', 'P7D', 7 * 86_400_000, 0],
    ]);
    expect(plan.at(-1)?.audiences).toEqual(['target_agency', 'lead_agency', 'office']);
  });

  it('gives a milestone reminders and an overdue, and a reporting period one reminder at 08:00 of its due day', () => {
    expect(planPartActions('milestone', due, DEFAULT_ESCALATION_POLICY).map((p) => p.rung)).toEqual([
      'milestone_remind',
      'milestone_remind',
      'milestone_overdue',
    ]);
    const [p] = planPartActions('progress', due, DEFAULT_ESCALATION_POLICY);
    expect(p.dueAt.toISOString()).toBe('2021-03-31T01:00:00.000Z');
  });

  it('fires a part action only while the part is unsettled and the same version, on a live task', () => {
    const task = { state: 'in_progress', deadlineVersion: 1, version: 4 };
    const a = { rung: 'milestone_overdue' as const, version: 2 };
    expect(isActionRelevant(a, task, { version: 2, settled: false })).toBe(true);
    expect(isActionRelevant(a, task, { version: 3, settled: false })).toBe(false);
    expect(isActionRelevant(a, task, { version: 2, settled: true })).toBe(false);
    expect(isActionRelevant(a, task, null)).toBe(false);
    expect(isActionRelevant(a, { ...task, state: 'approved' }, { version: 2, settled: false })).toBe(false);
  });
});
