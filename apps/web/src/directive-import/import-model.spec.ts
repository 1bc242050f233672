import type { DirectiveImportProposal, DirectiveImportTask } from '@dondoc/contracts';
import { confirmDirectiveImportRequestSchema } from '@dondoc/contracts';
import {
  assignGaps,
  deadlineChanged,
  deadlineFields,
  directiveProblems,
  emptyRow,
  proposedMilestones,
  rowProblems,
  sameNumber,
  toConfirmRequest,
  toDraft,
  type DraftDirective,
} from './import-model';

describe('sameNumber', () => {
  it('ignores spaces and case, as the registry does', () => {
    expect(sameNumber('28-KL/TU', ' 28-kl/tu ')).toBe(true);
    expect(sameNumber('07-CTr/TU', '07 - CTr / TU')).toBe(true);
    expect(sameNumber('28-KL/TU', '29-KL/TU')).toBe(false);
  });
});

describe('assignGaps', () => {
  const row = (lead: string | null, due: string | null, dueDateValid = true) => ({
    ...emptyRow(),
    title: 'Nhiệm vụ',
    leadAgencyId: lead,
    dueDate: due,
    dueDateValid,
  });

  it('names the rows (1-based) that lack a lead agency or a valid deadline', () => {
    const rows = [row('a', '2030-12-31'), row(null, '2030-12-31'), row('a', null), row('a', '2030-02-30', false)];
    expect(assignGaps(rows)).toEqual({ noLead: [2], noDeadline: [3, 4] });
  });

  it('is empty when every row has both', () => {
    expect(assignGaps([row('a', '2030-12-31'), row('b', '2031-01-31')])).toEqual({ noLead: [], noDeadline: [] });
  });
});

const LEAD = '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f';

describe('toConfirmRequest', () => {
  const directive: DraftDirective = {
    number: '28-KL/TU',
    kind: 'conclusion',
    title: 'Kết luận',
    issuedOn: null,
    issuedOnValid: true,
    issuer: '',
    signer: '',
    place: '',
    classification: 'normal',
    contentReference: '',
  };
  const rows = [{ ...emptyRow(), title: 'Nhiệm vụ', leadAgencyId: 'a', dueDate: '2030-12-31' }];

  it('asks to assign only for "Xác nhận và giao"', () => {
    expect(toConfirmRequest(directive, rows, true).assign).toBe(true);
    expect(toConfirmRequest(directive, rows)).not.toHaveProperty('assign');
  });

  it('sends no level for thường, and a task inherits its directive’s unless set higher', () => {
    const rows = [{ ...emptyRow(), title: 'Nhiệm vụ', leadAgencyId: LEAD, dueDate: '2030-12-31' }];
    const plain = toConfirmRequest(directive, rows);
    expect(plain.directive).not.toHaveProperty('classification');
    expect(plain.tasks[0]).not.toHaveProperty('classification');

    const secret = { ...directive, classification: 'secret' as const };
    const body = toConfirmRequest(secret, [
      ...rows,
      { ...rows[0], classification: 'confidential' as const },
      { ...rows[0], classification: 'top_secret' as const, contentReference: 'Két sắt P.201' },
    ]);
    expect(body.directive.classification).toBe('secret');
    expect(body.tasks.map((t) => t.classification)).toEqual(['secret', 'secret', 'top_secret']);
    expect(body.tasks[2]).toMatchObject({ contentReference: 'Két sắt P.201' });
    expect(confirmDirectiveImportRequestSchema.safeParse(body).success).toBe(true);
  });

  it('keeps a tuyệt mật item’s words in the browser: placeholders go, and the reference', () => {
    const rows = [{ ...emptyRow(), title: 'Nhân sự', leadAgencyId: LEAD, dueDate: '2030-12-31' }];
    const top = { ...directive, title: 'Về công tác cán bộ', classification: 'top_secret' as const };
    const body = toConfirmRequest(
      top,
      [{ ...rows[0], description: 'Chi tiết nhân sự' }].map((r) => r),
    );
    expect(body.directive).toMatchObject({
      title: 'Văn bản tuyệt mật',
      classification: 'top_secret',
      contentReference: '',
    });
    const kept = toConfirmRequest({ ...top, contentReference: ' Sổ mật 03 ' }, [{ ...rows[0], description: 'x' }]);
    expect(kept.directive.contentReference).toBe('Sổ mật 03');
    expect(kept.tasks[0]).toMatchObject({
      title: 'Nhiệm vụ tuyệt mật',
      description: '',
      classification: 'top_secret',
      contentReference: 'Sổ mật 03',
    });
    expect(JSON.stringify(kept)).not.toMatch(/Về công tác cán bộ|Nhân sự|x"/);
    expect(confirmDirectiveImportRequestSchema.safeParse(kept).success).toBe(true);
  });
});

describe('the level’s problems', () => {
  const directive: DraftDirective = {
    number: '28-KL/TU',
    kind: 'conclusion',
    title: '',
    issuedOn: null,
    issuedOnValid: true,
    issuer: '',
    signer: '',
    place: '',
    classification: 'top_secret',
    contentReference: '',
  };

  it('asks a tuyệt mật directive where it is kept, not for its title', () => {
    expect(directiveProblems(directive)).toBe(true);
    expect(directiveProblems({ ...directive, contentReference: 'Sổ mật 03' })).toBe(false);
    expect(directiveProblems({ ...directive, classification: 'secret', contentReference: 'x' })).toBe(true);
  });

  it('asks a row made tuyệt mật of its own for its reference, and no title then', () => {
    const row = { ...emptyRow(), classification: 'top_secret' as const };
    expect(rowProblems(row, { classification: 'normal' })).toBe(true);
    expect(rowProblems({ ...row, contentReference: 'Két sắt' }, { classification: 'normal' })).toBe(false);
    // Under a tuyệt mật directive the row takes the directive's reference.
    expect(rowProblems(row, { classification: 'top_secret' })).toBe(false);
    expect(rowProblems(emptyRow(), { classification: 'secret' })).toBe(true);
  });
});

describe('proposedMilestones', () => {
  it('keeps the proposed dates before the due date, labelled in Vietnamese', () => {
    expect(proposedMilestones({ milestones: ['2021-03-31'], dueDate: '2021-06-30' })).toEqual([
      { label: 'Mốc 31/03/2021', dueDate: '2021-03-31' },
    ]);
  });

  it('drops a milestone the Office moved the deadline before', () => {
    expect(proposedMilestones({ milestones: ['2021-03-31'], dueDate: '2021-03-15' })).toEqual([]);
  });
});

const task = (deadline: Partial<DirectiveImportTask>): DirectiveImportTask => ({
  title: 'Xây dựng kế hoạch',
  text: 'Giao Ban Tuyên giáo Tỉnh ủy xây dựng kế hoạch',
  deliverableType: 'ke_hoach',
  field: 'party_building',
  fieldFound: true,
  leadAgencyId: '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f',
  leadAgencyUnmatched: null,
  coordinatingAgencyIds: [],
  coordinatingAgenciesUnmatched: [],
  dueText: null,
  dueDate: null,
  deadlineWorkingDays: null,
  deadlineFrom: null,
  continuous: false,
  milestones: [],
  leadSuggested: false,
  confidence: 0.9,
  reasons: {
    task: { code: 'numbered-item', evidence: '1' },
    lead: { code: 'lead-in-text', evidence: 'Ban Tuyên giáo Tỉnh ủy' },
    coordinating: { code: 'coordinating-none', evidence: null },
    due: { code: 'due-none', evidence: null },
    type: { code: 'type-from-words', evidence: 'xây dựng kế hoạch' },
    field: { code: 'field-words', evidence: null },
  },
  source: { startLine: 1, endLine: 1, marker: '1', section: null },
  ...deadline,
});

const proposal = (tasks: DirectiveImportTask[]): DirectiveImportProposal => ({
  directive: {
    number: '28-KL/TU',
    kind: 'conclusion',
    title: 'Kết luận',
    issuedOn: null,
    issuer: null,
    signer: null,
    place: null,
  },
  existingDirectiveId: null,
  period: null,
  tasks,
  unmatchedAgencies: [],
  warnings: [],
  source: { kind: 'text', fileName: null, characters: 1, lines: 1, ocr: false, pages: null },
});

describe('the proposed deadline', () => {
  const { directive, rows } = toDraft(
    proposal([
      task({
        deadlineWorkingDays: 10,
        deadlineFrom: 'received',
        dueText: 'trong 10 ngày làm việc kể từ ngày nhận được văn bản',
      }),
      task({ continuous: true, dueText: 'thường xuyên' }),
      task({ dueDate: '2022-06-30', dueText: 'trước ngày 30/6/2022' }),
    ]),
  );

  it("becomes the row's choice: working days, continuous, or the date", () => {
    expect(rows.map((r) => [r.deadlineKind, r.dueDate, r.workingDays, r.deadlineFrom])).toEqual([
      ['working_days', null, 10, 'received'],
      ['continuous', null, null, 'assigned'],
      ['date', '2022-06-30', null, 'assigned'],
    ]);
    expect(rows.every((r) => !deadlineChanged(r) && !rowProblems(r))).toBe(true);
  });

  it('is sent as kept, one way only, and the API schema accepts it', () => {
    const body = toConfirmRequest(directive, rows);
    expect(body.tasks.map((t) => [t.dueDate, t.deadlineWorkingDays, t.deadlineFrom, t.continuous])).toEqual([
      [null, 10, 'received', undefined],
      [null, undefined, undefined, true],
      ['2022-06-30', undefined, undefined, undefined],
    ]);
    expect(body.tasks[0].deadlineText).toBe('trong 10 ngày làm việc kể từ ngày nhận được văn bản');
    expect(confirmDirectiveImportRequestSchema.safeParse(body).success).toBe(true);
  });

  it('is sent as changed: the Office picks a date instead of the working days', () => {
    const changed = { ...rows[0], deadlineKind: 'date' as const, dueDate: '2022-07-15' };
    expect(deadlineChanged(changed)).toBe(true);
    expect(deadlineFields(changed)).toEqual({ dueDate: '2022-07-15' });
    expect(deadlineFields({ ...rows[2], deadlineKind: 'working_days', workingDays: 5 })).toEqual({
      dueDate: null,
      deadlineWorkingDays: 5,
      deadlineFrom: 'assigned',
    });
    expect(deadlineFields({ ...rows[2], deadlineKind: 'continuous' })).toEqual({ dueDate: null, continuous: true });
  });

  it('refuses a number of working days out of range', () => {
    expect(rowProblems({ ...rows[0], workingDays: 0 })).toBe(true);
    expect(rowProblems({ ...rows[0], workingDays: null })).toBe(true);
    expect(rowProblems({ ...rows[0], workingDays: 2.5 })).toBe(true);
    expect(rowProblems({ ...rows[0], workingDays: 365 })).toBe(false);
  });

  it('lets working days be assigned at once, not continuous work (an assignment needs a date)', () => {
    expect(assignGaps(rows)).toEqual({ noLead: [], noDeadline: [2] });
    expect(assignGaps([{ ...rows[0], workingDays: 0 }]).noDeadline).toEqual([1]);
  });
});
