import { taskSummary as task } from '../test-support/task-summary.fixture';
import { formatSort, nextSort, parseSort, sortTasks, type SortContext } from './task-list-sort';

// Built in the official order (as the API answers): the Map's order is the agencies' rank.
const ctx: SortContext = {
  agencies: new Map([
    ['ub', { name: 'Ủy ban nhân dân tỉnh' }],
    ['bt', { name: 'Ban Tổ chức Tỉnh ủy' }],
    ['bc', { name: 'Ban cán sự đảng' }],
  ]),
  directives: new Map([
    ['d1', { number: '10-KL/TU' }],
    ['d2', { number: '2-KL/TU' }],
  ]),
};
const codes = (list: { code: string }[]) => list.map((t) => t.code);

describe('sort in the URL', () => {
  it('parses key:dir and refuses anything else without failing', () => {
    expect(parseSort('due:asc')).toEqual({ key: 'due', dir: 'asc' });
    expect(parseSort('title:desc')).toEqual({ key: 'title', dir: 'desc' });
    expect(parseSort('code')).toEqual({ key: 'code', dir: 'asc' });
    expect(parseSort('due:up')).toBeNull();
    expect(parseSort('password:asc')).toBeNull();
    expect(parseSort('')).toBeNull();
  });
  it('formats back, and a header press goes asc → desc → none', () => {
    expect(formatSort({ key: 'due', dir: 'desc' })).toBe('due:desc');
    expect(formatSort(null)).toBe('');
    expect(nextSort(null, 'due')).toEqual({ key: 'due', dir: 'asc' });
    expect(nextSort({ key: 'due', dir: 'asc' }, 'due')).toEqual({ key: 'due', dir: 'desc' });
    expect(nextSort({ key: 'due', dir: 'desc' }, 'due')).toBeNull();
    expect(nextSort({ key: 'due', dir: 'desc' }, 'title')).toEqual({ key: 'title', dir: 'asc' });
  });
});

describe('sortTasks', () => {
  it('keeps the server order without a sort', () => {
    const list = [task({ code: 'B' }), task({ code: 'A' })];
    expect(codes(sortTasks(list, null, ctx))).toEqual(['B', 'A']);
  });

  it('sorts titles in Vietnamese order (đ after d, Ư after U, marks ignored)', () => {
    const list = [
      task({ code: '1', title: 'Đào tạo cán bộ' }),
      task({ code: '2', title: 'Ưu tiên đầu tư' }),
      task({ code: '3', title: 'Dân vận' }),
      task({ code: '4', title: 'Ủy quyền' }),
      task({ code: '5', title: 'an ninh' }),
    ];
    expect(sortTasks(list, { key: 'title', dir: 'asc' }, ctx).map((t) => t.title)).toEqual([
      'an ninh',
      'Dân vận',
      'Đào tạo cán bộ',
      'Ủy quyền',
      'Ưu tiên đầu tư',
    ]);
  });

  it('sorts codes and directive numbers with numbers as numbers', () => {
    const list = [task({ code: 'NV-10', directiveId: 'd2' }), task({ code: 'NV-2', directiveId: 'd1' })];
    expect(codes(sortTasks(list, { key: 'code', dir: 'asc' }, ctx))).toEqual(['NV-2', 'NV-10']);
    expect(codes(sortTasks(list, { key: 'directive', dir: 'asc' }, ctx))).toEqual(['NV-10', 'NV-2']);
  });

  it('sorts lead agencies in the official order, not alphabetically; no lead goes last both ways', () => {
    const list = [
      task({ code: 'A', leadAgencyId: 'bc' }),
      task({ code: 'B', leadAgencyId: null }),
      task({ code: 'C', leadAgencyId: 'ub' }),
      task({ code: 'D', leadAgencyId: 'bt' }),
    ];
    expect(codes(sortTasks(list, { key: 'lead', dir: 'asc' }, ctx))).toEqual(['C', 'D', 'A', 'B']);
    expect(codes(sortTasks(list, { key: 'lead', dir: 'desc' }, ctx))).toEqual(['A', 'D', 'C', 'B']);
  });

  it('sorts coordinating agencies by their first in the official order', () => {
    const list = [
      task({ code: 'A', coordinatingAgencyIds: ['bc'] }),
      task({ code: 'B', coordinatingAgencyIds: ['bc', 'ub'] }),
      task({ code: 'C', coordinatingAgencyIds: [] }),
    ];
    expect(codes(sortTasks(list, { key: 'coordinating', dir: 'asc' }, ctx))).toEqual(['B', 'A', 'C']);
  });

  it('sorts deadlines as dates and days overdue as numbers, empty last', () => {
    const list = [
      task({ code: 'A', dueDate: '2026-12-31', daysOverdue: 9 }),
      task({ code: 'B', dueDate: null, daysOverdue: null }),
      task({ code: 'C', dueDate: '2026-02-01', daysOverdue: 10 }),
      task({ code: 'D', dueDate: '2027-01-01', daysOverdue: 0 }),
    ];
    expect(codes(sortTasks(list, { key: 'due', dir: 'asc' }, ctx))).toEqual(['C', 'A', 'D', 'B']);
    expect(codes(sortTasks(list, { key: 'due', dir: 'desc' }, ctx))).toEqual(['D', 'A', 'C', 'B']);
    // 10 after 9: numeric, not text.
    expect(codes(sortTasks(list, { key: 'overdue', dir: 'desc' }, ctx))).toEqual(['C', 'A', 'D', 'B']);
  });

  it('sorts deadline status most urgent first and states in lifecycle order', () => {
    const list = [
      task({ code: 'A', deadlineStatus: 'on_time', state: 'approved' }),
      task({ code: 'B', deadlineStatus: 'overdue', state: 'in_progress' }),
      task({ code: 'C', deadlineStatus: 'due_soon', state: 'drafted' }),
    ];
    expect(codes(sortTasks(list, { key: 'deadline', dir: 'asc' }, ctx))).toEqual(['B', 'C', 'A']);
    expect(codes(sortTasks(list, { key: 'state', dir: 'asc' }, ctx))).toEqual(['C', 'B', 'A']);
  });

  it('breaks ties by code, so equal rows never swap between renders', () => {
    const list = [task({ code: 'NV-3', dueDate: '2026-01-01' }), task({ code: 'NV-1', dueDate: '2026-01-01' })];
    expect(codes(sortTasks(list, { key: 'due', dir: 'desc' }, ctx))).toEqual(['NV-1', 'NV-3']);
  });
});

describe("sorting by a task's parts", () => {
  const people = new Map([
    ['u-b', 'Bùi Thị Bình'],
    ['u-a', 'Ánh Văn An'],
  ]);
  const withParts = [
    task({ code: 'P1', progressPercent: 40, nextMilestone: null, assigneeUserId: 'u-b' }),
    task({
      code: 'P2',
      progressPercent: null,
      nextMilestone: { id: 'm', label: 'x', dueDate: '2031-03-31', deadlineStatus: 'not_due' },
      assigneeUserId: null,
    }),
    task({
      code: 'P3',
      progressPercent: 5,
      nextMilestone: { id: 'n', label: 'y', dueDate: '2030-12-31', deadlineStatus: 'overdue' },
      assigneeUserId: 'u-a',
    }),
  ];
  it('by the latest percentage, the next milestone’s date and the officer’s name; the empty ones last', () => {
    expect(codes(sortTasks(withParts, { key: 'progress', dir: 'asc' }, ctx))).toEqual(['P3', 'P1', 'P2']);
    expect(codes(sortTasks(withParts, { key: 'progress', dir: 'desc' }, ctx))).toEqual(['P1', 'P3', 'P2']);
    expect(codes(sortTasks(withParts, { key: 'milestone', dir: 'asc' }, ctx))).toEqual(['P3', 'P2', 'P1']);
    expect(codes(sortTasks(withParts, { key: 'officer', dir: 'asc' }, { ...ctx, people }))).toEqual(['P3', 'P1', 'P2']);
    // Without the names (still loading) nobody is known: the codes keep their order.
    expect(codes(sortTasks(withParts, { key: 'officer', dir: 'asc' }, ctx))).toEqual(['P1', 'P2', 'P3']);
    expect(parseSort('milestone:desc')).toEqual({ key: 'milestone', dir: 'desc' });
  });
});
