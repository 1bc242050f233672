import type { DirectiveImportTaskInput } from '@dondoc/contracts';
import { confirmDirectiveImportRequestSchema } from '@dondoc/contracts';
import { parseDirective } from '@dondoc/directive-parser';
import { WorkingCalendar, DEFAULT_CALENDAR_SETTINGS } from '@dondoc/workflow';
import { assignDueDate, hasAssignableDeadline, importedTaskOf } from './imported-task.js';
import { toProposal } from './to-proposal.js';

const base: DirectiveImportTaskInput = {
  title: 'Xây dựng kế hoạch',
  deliverableType: 'ke_hoach',
  field: 'party_building',
};

describe('importedTaskOf', () => {
  it('passes working days and where they count from to the writer, with no date', () => {
    expect(importedTaskOf('01-TB/TU-01', { ...base, deadlineWorkingDays: 10, deadlineFrom: 'received' })).toMatchObject(
      {
        code: '01-TB/TU-01',
        dueDate: null,
        deadlineWorkingDays: 10,
        deadlineFrom: 'received',
        continuous: false,
      },
    );
    expect(importedTaskOf('c', { ...base, deadlineWorkingDays: 5 })).toMatchObject({ deadlineFrom: 'assigned' });
  });

  it('marks continuous work, and a dated task has no rule', () => {
    expect(importedTaskOf('c', { ...base, continuous: true })).toMatchObject({
      continuous: true,
      deadlineWorkingDays: null,
      deadlineFrom: null,
    });
    expect(importedTaskOf('c', { ...base, dueDate: '2022-06-30', deadlineFrom: 'received' })).toMatchObject({
      dueDate: '2022-06-30',
      deadlineWorkingDays: null,
      deadlineFrom: null,
      continuous: false,
    });
  });
});

describe('assigning an imported draft', () => {
  const calendar = new WorkingCalendar(DEFAULT_CALENDAR_SETTINGS);

  it('counts working days from today on the calendar', () => {
    // Friday 2026-02-13, just before Tết 2026 (17/02): the days off are skipped.
    const now = new Date('2026-02-13T03:00:00Z');
    const due = assignDueDate({ ...base, deadlineWorkingDays: 10 }, calendar, now);
    expect(due).toBe(calendar.addWorkingDays('2026-02-13', 10));
    expect(calendar.workingDaysBetween('2026-02-13', due as string)).toBe(10);
  });

  it('keeps a date given, and needs a date or working days', () => {
    expect(assignDueDate({ ...base, dueDate: '2022-06-30' }, calendar, new Date())).toBe('2022-06-30');
    expect(assignDueDate(base, calendar, new Date())).toBeUndefined();
    expect(hasAssignableDeadline({ ...base, deadlineWorkingDays: 3 })).toBe(true);
    expect(hasAssignableDeadline({ ...base, continuous: true })).toBe(false);
  });
});

describe('the confirm request', () => {
  const directive = { number: '01-TB/TU', kind: 'conclusion' as const, title: 'Thông báo kết luận' };

  it('accepts the deadline rule fields, one way at a time', () => {
    const ok = confirmDirectiveImportRequestSchema.safeParse({
      directive,
      tasks: [
        { ...base, deadlineWorkingDays: 10, deadlineFrom: 'received', deadlineText: 'trong 10 ngày làm việc' },
        { ...base, continuous: true },
        { ...base, dueDate: '2022-06-30' },
      ],
    });
    expect(ok.success).toBe(true);
    const both = confirmDirectiveImportRequestSchema.safeParse({
      directive,
      tasks: [{ ...base, dueDate: '2022-06-30', deadlineWorkingDays: 10 }],
    });
    expect(both.success).toBe(false);
  });
});

describe('toProposal', () => {
  it('proposes the parsed deadline rule', () => {
    const parsed = parseDirective(
      `THÔNG BÁO KẾT LUẬN
của Thường trực Tỉnh ủy về nhiệm vụ tháng 3 năm 2022

1. Giao Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch, hoàn thành trong 10 ngày làm việc kể từ ngày nhận được Thông báo này.
2. Giao Ban Tổ chức Tỉnh ủy kiểm tra, giám sát (thời gian: thường xuyên).
3. Giao Ủy ban Kiểm tra Tỉnh ủy tổng hợp, báo cáo chậm nhất là ngày 25/3/2022.
`,
      { agencies: [] },
    );
    const proposal = toProposal(parsed, {
      existingDirectiveId: null,
      source: { kind: 'text', fileName: null, characters: 0, lines: 0, ocr: false, pages: null },
    });
    expect(proposal.tasks.map((t) => [t.dueDate, t.deadlineWorkingDays, t.deadlineFrom, t.continuous])).toEqual([
      [null, 10, 'received', false],
      [null, null, null, true],
      ['2022-03-25', null, null, false],
    ]);
  });
});
