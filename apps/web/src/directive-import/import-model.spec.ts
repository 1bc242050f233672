import {
  assignGaps,
  emptyRow,
  proposedMilestones,
  sameNumber,
  toConfirmRequest,
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
  };
  const rows = [{ ...emptyRow(), title: 'Nhiệm vụ', leadAgencyId: 'a', dueDate: '2030-12-31' }];

  it('asks to assign only for "Xác nhận và giao"', () => {
    expect(toConfirmRequest(directive, rows, true).assign).toBe(true);
    expect(toConfirmRequest(directive, rows)).not.toHaveProperty('assign');
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
