import {
  changeProblem,
  changeRequest,
  choiceIncomplete,
  classificationErrorKey,
  effectiveLevel,
  eligiblePeople,
  hasOffice,
  isLowering,
  levelFields,
  levelsFrom,
  listChanged,
  mayChangeClassification,
  mayReadAccessList,
  sortAccessPeople,
} from './classification-model';

describe('levelsFrom', () => {
  it('offers every level above the floor, lowest first', () => {
    expect(levelsFrom()).toEqual(['normal', 'confidential', 'secret', 'top_secret']);
    expect(levelsFrom('secret')).toEqual(['secret', 'top_secret']);
  });
});

describe('changeProblem', () => {
  const draft = (level: 'normal' | 'confidential' | 'secret' | 'top_secret', comment = '', contentReference = '') => ({
    level,
    comment,
    contentReference,
  });

  it('lets a level be raised without a comment', () => {
    expect(changeProblem('normal', draft('secret'))).toBeNull();
    expect(isLowering('normal', 'secret')).toBe(false);
  });

  it('asks for a comment when lowering, and refuses the level in force', () => {
    expect(isLowering('secret', 'confidential')).toBe(true);
    expect(changeProblem('secret', draft('confidential'))).toBe('commentRequired');
    expect(changeProblem('secret', draft('confidential', '  '))).toBe('commentRequired');
    expect(changeProblem('secret', draft('confidential', 'Đã giải mật theo quyết định số 12'))).toBeNull();
    expect(changeProblem('secret', draft('secret'))).toBe('same');
  });

  it('never goes below the directive', () => {
    expect(changeProblem('secret', draft('normal', 'Giải mật'), 'confidential')).toBe('belowDirective');
  });

  it('asks where the content is kept when raising to tuyệt mật', () => {
    expect(changeProblem('secret', draft('top_secret'))).toBe('referenceRequired');
    expect(changeProblem('secret', draft('top_secret', '', 'Sổ mật số 3, Phòng Cơ yếu'))).toBeNull();
  });
});

describe('changeRequest', () => {
  it('sends the comment only when written and the reference only for tuyệt mật', () => {
    expect(changeRequest({ level: 'secret', comment: ' ', contentReference: 'x' }, 4)).toEqual({
      classification: 'secret',
      expectedVersion: 4,
    });
    expect(changeRequest({ level: 'top_secret', comment: ' Lý do ', contentReference: ' Sổ mật số 3 ' })).toEqual({
      classification: 'top_secret',
      comment: 'Lý do',
      contentReference: 'Sổ mật số 3',
    });
  });
});

describe('levelFields', () => {
  it('sends nothing for thường and the reference only for tuyệt mật', () => {
    expect(levelFields({ level: 'normal', contentReference: 'x' })).toEqual({});
    expect(levelFields({ level: 'confidential', contentReference: 'x' })).toEqual({ classification: 'confidential' });
    expect(levelFields({ level: 'top_secret', contentReference: ' Két sắt P.201 ' })).toEqual({
      classification: 'top_secret',
      contentReference: 'Két sắt P.201',
    });
  });

  it('calls a tuyệt mật choice without a reference incomplete', () => {
    expect(choiceIncomplete({ level: 'top_secret', contentReference: ' ' })).toBe(true);
    expect(choiceIncomplete({ level: 'top_secret', contentReference: 'Két sắt' })).toBe(false);
    expect(choiceIncomplete({ level: 'secret', contentReference: '' })).toBe(false);
  });
});

describe('effectiveLevel', () => {
  it('is the directive’s unless the task’s own is higher', () => {
    expect(effectiveLevel('secret', null)).toBe('secret');
    expect(effectiveLevel('secret', 'confidential')).toBe('secret');
    expect(effectiveLevel('confidential', 'top_secret')).toBe('top_secret');
  });
});

describe('who does what', () => {
  it('lets the Office change levels and lists; the Committee and the inspector read the lists', () => {
    expect(mayChangeClassification({ role: 'office' })).toBe(true);
    expect(mayChangeClassification({ role: 'standing_committee' })).toBe(false);
    expect(mayReadAccessList({ role: 'standing_committee' })).toBe(true);
    expect(mayReadAccessList({ role: 'inspector' })).toBe(true);
    expect(mayReadAccessList({ role: 'agency' })).toBe(false);
    expect(mayReadAccessList({ role: 'admin' })).toBe(false);
  });
});

describe('the access list', () => {
  const person = (id: string, role: string, agencyId: string | null = null, fullName = id) => ({
    id,
    role,
    agencyId,
    fullName,
  });
  const people = [
    person('sc', 'standing_committee'),
    person('of', 'office'),
    person('in', 'inspector'),
    person('lead', 'agency', 'a-lead'),
    person('coord', 'agency', 'a-coord'),
    person('other', 'agency', 'a-other'),
    person('adm', 'admin'),
  ];

  it('offers the Committee, the Office, the inspector and the task’s own agencies only', () => {
    const ids = eligiblePeople(people, { leadAgencyId: 'a-lead', coordinatingAgencyIds: ['a-coord'] }).map((p) => p.id);
    expect(ids).toEqual(['sc', 'of', 'in', 'lead', 'coord']);
    expect(eligiblePeople(people, { leadAgencyId: null, coordinatingAgencyIds: [] }).map((p) => p.id)).toEqual([
      'sc',
      'of',
      'in',
    ]);
  });

  it('needs someone of the Office on it', () => {
    expect(hasOffice([person('sc', 'standing_committee')])).toBe(false);
    expect(hasOffice([person('sc', 'standing_committee'), person('of', 'office')])).toBe(true);
  });

  it('tells a changed list from a reordered one', () => {
    const a = [{ id: '1' }, { id: '2' }];
    expect(listChanged(a, [{ id: '2' }, { id: '1' }])).toBe(false);
    expect(listChanged(a, [{ id: '1' }])).toBe(true);
    expect(listChanged(a, [{ id: '1' }, { id: '3' }])).toBe(true);
  });

  it('lists the Committee first, then the Office, the inspector and the agencies, by name', () => {
    const sorted = sortAccessPeople([
      person('x', 'agency', 'a', 'Bùi Văn X'),
      person('o2', 'office', null, 'Trần Thị B'),
      person('o1', 'office', null, 'Đặng Văn A'),
      person('sc', 'standing_committee', null, 'Lê Văn C'),
    ]);
    expect(sorted.map((p) => p.id)).toEqual(['sc', 'o1', 'o2', 'x']);
  });
});

describe('classificationErrorKey', () => {
  it('explains the refusals of these endpoints and leaves the rest to the generic alert', () => {
    expect(classificationErrorKey({ code: 'ACCESS_LIST_NEEDS_OFFICE' })).toBe(
      'classification.errors.ACCESS_LIST_NEEDS_OFFICE',
    );
    expect(classificationErrorKey({ code: 'INTERNAL_ERROR' })).toBeNull();
    expect(classificationErrorKey(null)).toBeNull();
  });
});
