import type { Actor } from '@dondoc/workflow';
import { taskSummary } from '../test-support/task-summary.fixture';
import { mayReportProgress, parsePercent, periodRequest } from './progress-model';

describe('progress form model', () => {
  it('reads whole percentages from 0 to 100 only', () => {
    expect(['0', ' 45 ', '100'].map(parsePercent)).toEqual([0, 45, 100]);
    expect(['', '101', '-1', '4.5', '4O', '1000', 'abc'].map(parsePercent)).toEqual(Array(7).fill(null));
  });

  it('builds the request of each kind of period, leaving out what is empty', () => {
    const base = { year: 2026, number: 4, startsOn: '', endsOn: '', dueDate: '', label: ' ' };
    expect(periodRequest({ ...base, kind: 'quarter' })).toEqual({ kind: 'quarter', year: 2026, number: 4 });
    expect(periodRequest({ ...base, kind: 'year', dueDate: '2026-12-20' })).toEqual({
      kind: 'year',
      year: 2026,
      dueDate: '2026-12-20',
    });
    expect(periodRequest({ ...base, kind: 'custom' })).toBeNull();
    expect(
      periodRequest({ ...base, kind: 'custom', startsOn: '2026-11-01', endsOn: '2026-11-15', label: ' Đợt 1 ' }),
    ).toEqual({ kind: 'custom', startsOn: '2026-11-01', endsOn: '2026-11-15', label: 'Đợt 1' });
  });
});

describe('mayReportProgress', () => {
  const head: Actor = { userId: 'u-head', role: 'agency', agencyId: 'a-btg', position: 'head' };
  const cv1: Actor = { ...head, userId: 'u-cv1', position: 'officer' };
  const cv2: Actor = { ...head, userId: 'u-cv2', position: 'officer' };
  const coordinator: Actor = { userId: 'u-c', role: 'agency', agencyId: 'a-btc', position: 'head' };
  const office: Actor = { userId: 'u-vp', role: 'office', agencyId: null };
  const task = taskSummary({ state: 'in_progress', coordinatingAgencyIds: ['a-btc'], assigneeUserId: 'u-cv1' });

  it('offers the form to the lead’s people working on the task, as the server allows', () => {
    expect(mayReportProgress(task, head)).toBe(true);
    expect(mayReportProgress(task, cv1)).toBe(true);
    expect(mayReportProgress(task, cv2)).toBe(false);
    expect(mayReportProgress(task, { ...cv2, officersActOnAll: true })).toBe(true);
    expect(mayReportProgress(task, coordinator)).toBe(false);
    expect(mayReportProgress(task, office)).toBe(false);
  });

  it('only while the task is under way', () => {
    expect(
      ['assigned', 'in_progress', 'submitted'].map((state) =>
        mayReportProgress({ ...task, state } as typeof task, head),
      ),
    ).toEqual([true, true, true]);
    expect(mayReportProgress({ ...task, state: 'approved' }, head)).toBe(false);
    expect(mayReportProgress({ ...task, state: 'drafted' }, head)).toBe(false);
  });
});
