import type { Actor } from '@dondoc/workflow';
import { taskSummary } from '../test-support/task-summary.fixture';
import {
  draftProblems,
  mayMarkMilestoneDone,
  mayPlanMilestones,
  toDrafts,
  toRequest,
  type DraftMilestone,
} from './milestone-model';

const head: Actor = { userId: 'u-head', role: 'agency', agencyId: 'a-btg', position: 'head' };
const cv1: Actor = { ...head, userId: 'u-cv1', position: 'officer' };
const cv2: Actor = { ...head, userId: 'u-cv2', position: 'officer' };
const coordinator: Actor = { userId: 'u-c', role: 'agency', agencyId: 'a-c', position: 'head' };
const office: Actor = { userId: 'u-vp', role: 'office', agencyId: null };
const committee: Actor = { userId: 'u-tv', role: 'standing_committee', agencyId: null };

describe('who plans milestones', () => {
  const task = taskSummary({ leadAgencyId: 'a-btg', coordinatingAgencyIds: ['a-c'], assigneeUserId: 'u-cv1' });
  it("the Office and the lead's people working on the task; an officer only on the task assigned to them", () => {
    expect(mayPlanMilestones(task, office)).toBe(true);
    expect(mayPlanMilestones(task, head)).toBe(true);
    expect(mayPlanMilestones(task, cv1)).toBe(true);
    expect(mayPlanMilestones(task, cv2)).toBe(false);
    expect(mayPlanMilestones(task, { ...cv2, officersActOnAll: true })).toBe(true);
    expect(mayPlanMilestones(task, coordinator)).toBe(false);
    expect(mayPlanMilestones(task, committee)).toBe(false);
  });
  it('a draft is the Office’s alone, and a closed task nobody’s', () => {
    expect(mayPlanMilestones({ ...task, state: 'drafted' }, office)).toBe(true);
    expect(mayPlanMilestones({ ...task, state: 'drafted' }, head)).toBe(false);
    expect(mayPlanMilestones({ ...task, state: 'approved' }, office)).toBe(false);
  });
  it('a milestone is marked reached only while the task is under way', () => {
    expect(mayMarkMilestoneDone(task, cv1)).toBe(true);
    expect(mayMarkMilestoneDone(task, cv2)).toBe(false);
    expect(mayMarkMilestoneDone({ ...task, state: 'drafted' }, office)).toBe(false);
    expect(mayMarkMilestoneDone({ ...task, state: 'submitted' }, office)).toBe(true);
    expect(mayMarkMilestoneDone({ ...task, state: 'cancelled' }, head)).toBe(false);
  });
});

describe('the editor', () => {
  const rows = (...ds: Partial<DraftMilestone>[]): DraftMilestone[] =>
    ds.map((d, i) => ({ key: `k${i}`, label: 'Mốc', dueDate: '2031-03-31', done: false, ...d }));

  it('says what is wrong with each row: no label, no or a bad date, a date after the deadline', () => {
    const drafts = rows({ label: '  ' }, { dueDate: null }, { dueDate: '2031-07-01' }, {}, { key: 'bad' });
    const problems = draftProblems(drafts, '2031-06-30', new Set(['bad']));
    expect(Object.fromEntries(problems)).toEqual({
      k0: 'labelRequired',
      k1: 'dateRequired',
      k2: 'afterDeadline',
      bad: 'dateInvalid',
    });
    expect(draftProblems(rows({ dueDate: '2040-01-01' }), null).size).toBe(0);
  });

  it('sends the whole list in date order, keeping ids and trimming labels', () => {
    const drafts = [
      ...toDrafts([
        { id: 'm1', label: 'Quý II', dueDate: '2031-06-30', doneAt: null, status: 'open' },
        { id: 'm2', label: 'Quý I', dueDate: '2031-03-31', doneAt: '2031-03-20T01:00:00Z', status: 'done_on_time' },
      ]),
      { key: 'new', label: ' Dự thảo ', dueDate: '2031-02-15', done: false },
    ];
    expect(drafts[1]?.done).toBe(true);
    expect(toRequest(drafts)).toEqual({
      milestones: [
        { label: 'Dự thảo', dueDate: '2031-02-15' },
        { id: 'm2', label: 'Quý I', dueDate: '2031-03-31' },
        { id: 'm1', label: 'Quý II', dueDate: '2031-06-30' },
      ],
    });
  });
});
