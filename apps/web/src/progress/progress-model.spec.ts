import { parsePercent, periodRequest } from './progress-model';

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
