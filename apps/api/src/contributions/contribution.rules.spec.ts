import type { Actor } from '@dondoc/workflow';
import {
  contributionDueDate,
  mayAskContribution,
  mayDecideContribution,
  maySeeContribution,
  maySubmitContribution,
  missingContributions,
} from './contribution.rules.js';

const task = { leadAgencyId: 'lead', coordinatingAgencyIds: ['c1', 'c2'], assigneeUserId: 'officer-1' };
const agency = (agencyId: string, position: Actor['position'] = 'head', userId = 'u'): Actor => ({
  userId,
  role: 'agency',
  agencyId,
  position,
});
const role = (r: Actor['role']): Actor => ({ userId: 'u', role: r, agencyId: null });

describe('contribution rules', () => {
  it.each([
    ['lead head', agency('lead'), true, true],
    ['lead officer assigned', agency('lead', 'officer', 'officer-1'), true, true],
    ['lead officer not assigned', agency('lead', 'officer', 'officer-2'), false, false],
    ['office', role('office'), true, false],
    ['standing committee', role('standing_committee'), false, false],
    ['coordinator', agency('c1'), false, false],
    ['outsider', agency('x'), false, false],
  ])('%s asks %s, decides %s', (_who, actor, asks, decides) => {
    expect(mayAskContribution(task, actor)).toBe(asks);
    expect(mayDecideContribution(task, actor)).toBe(decides);
  });

  it('lets only the coordinator asked submit, and shows a coordinator its own only', () => {
    expect(maySubmitContribution('c1', agency('c1', 'officer'))).toBe(true);
    expect(maySubmitContribution('c1', agency('c2'))).toBe(false);
    expect(maySubmitContribution('c1', agency('lead'))).toBe(false);
    expect(maySeeContribution(task, 'c1', agency('c1'))).toBe(true);
    expect(maySeeContribution(task, 'c1', agency('c2'))).toBe(false);
    expect(maySeeContribution(task, 'c1', agency('lead', 'officer', 'nobody'))).toBe(true);
    expect(maySeeContribution(task, 'c1', role('inspector'))).toBe(true);
    expect(maySeeContribution(task, 'c1', role('admin'))).toBe(false);
  });

  it.each([
    // given, task due, today, days before → result
    [undefined, '2030-12-31', '2030-01-01', 5, '2030-12-26'],
    [undefined, '2030-12-31', '2030-12-29', 5, '2030-12-29'],
    [undefined, '2030-03-03', '2030-01-01', 5, '2030-02-26'],
    ['2030-06-01', '2030-12-31', '2030-01-01', 5, '2030-06-01'],
    ['2030-12-31', '2030-12-31', '2030-01-01', 5, '2030-12-31'],
    ['2030-01-01', '2030-12-31', '2030-01-01', 5, '2030-01-01'],
    ['2030-01-01', null, '2030-01-01', 5, '2030-01-01'],
  ])('sub-deadline given %s, task due %s, today %s, %i days before → %s', (given, due, today, days, expected) => {
    expect(contributionDueDate(given, due, today, days)).toEqual({ ok: true, dueDate: expected });
  });

  it.each([
    ['2029-12-31', '2030-12-31', '2030-01-01'],
    ['2031-01-01', '2030-12-31', '2030-01-01'],
    [undefined, '2029-12-31', '2030-01-01'],
    [undefined, null, '2030-01-01'],
  ])('refuses sub-deadline %s (task due %s, today %s), saying why in both languages', (given, due, today) => {
    const r = contributionDueDate(given, due, today, 5);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/phối hợp.* \/ The /);
  });

  it('lists the contributions not accepted', () => {
    expect(
      missingContributions([
        { agency_id: 'a', status: 'accepted' },
        { agency_id: 'b', status: 'submitted' },
        { agency_id: 'c', status: 'returned' },
      ]),
    ).toEqual([
      { agencyId: 'b', status: 'submitted' },
      { agencyId: 'c', status: 'returned' },
    ]);
  });
});
