import { taskSummary } from '../test-support/task-summary.fixture';
import { partsOf, shortDate } from './task-parts-model';

const names = new Map([['u-cv1', 'Nguyễn Văn Một']]);

describe("a card's parts", () => {
  it('are nothing for a task without progress, milestone, contributions or a known officer', () => {
    expect(partsOf(taskSummary(), names)).toBeNull();
    // Asked of nobody, or an officer the caller cannot name: still nothing.
    expect(partsOf(taskSummary({ contributions: { total: 0, submitted: 0, accepted: 0 } }), names)).toBeNull();
    expect(partsOf(taskSummary({ assigneeUserId: 'u-unknown' }), names)).toBeNull();
  });

  it('carry the latest percentage, the next milestone, contributions in and the officer’s name', () => {
    const milestone = { id: 'm1', label: 'Quý I', dueDate: '2031-03-31', deadlineStatus: 'due_soon' as const };
    const parts = partsOf(
      taskSummary({
        progressPercent: 0,
        nextMilestone: milestone,
        contributions: { total: 2, submitted: 2, accepted: 1 },
        assigneeUserId: 'u-cv1',
      }),
      names,
    );
    expect(parts).toEqual({
      progress: 0,
      milestone,
      contributions: { total: 2, submitted: 2, accepted: 1 },
      officer: 'Nguyễn Văn Một',
    });
  });

  it('write a milestone day first, without the year', () => {
    expect(shortDate('2031-03-31')).toBe('31/03');
  });
});
