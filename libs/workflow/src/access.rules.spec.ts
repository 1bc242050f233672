import {
  canComment,
  canEditDraft,
  canRead,
  canUploadSubmission,
  isDecider,
  maySend,
  relationOf,
} from './access.rules.js';
import { TASK_STATES, type Actor, type TaskFacts, type TaskState } from './task.model.js';

const ACTORS = {
  office: { userId: 'u-office', role: 'office', agencyId: 'VPTU' },
  standing_committee: { userId: 'u-btv', role: 'standing_committee', agencyId: null },
  inspector: { userId: 'u-insp', role: 'inspector', agencyId: 'UBKT' },
  admin: { userId: 'u-admin', role: 'admin', agencyId: null },
  lead: { userId: 'u-lead', role: 'agency', agencyId: 'BTG' },
  coordinating: { userId: 'u-coord', role: 'agency', agencyId: 'BTC' },
  unrelated: { userId: 'u-other', role: 'agency', agencyId: 'BNC' },
} as const satisfies Record<string, Actor>;
type ActorKind = keyof typeof ACTORS;

function taskIn(state: TaskState): TaskFacts {
  return {
    state,
    leadAgencyId: 'BTG',
    coordinatingAgencyIds: ['BTC', 'BDV'],
    dueDate: '2021-06-30',
    deadlineVersion: 1,
    revision: 0,
  };
}

describe('relationOf', () => {
  it.each([
    ['lead', 'lead'],
    ['coordinating', 'coordinating'],
    ['unrelated', 'none'],
    ['standing_committee', 'none'],
  ] as const)('%s → %s', (kind, relation) => {
    expect(relationOf(taskIn('assigned'), ACTORS[kind])).toBe(relation);
  });

  it('does not match a missing agency against a task without a lead', () => {
    expect(
      relationOf({ leadAgencyId: null, coordinatingAgencyIds: [] }, { userId: 'x', role: 'agency', agencyId: null }),
    ).toBe('none');
  });

  it('ranks leading above coordinating when a task lists both', () => {
    expect(relationOf({ leadAgencyId: 'BTG', coordinatingAgencyIds: ['BTG'] }, ACTORS.lead)).toBe('lead');
  });
});

describe('reading and commenting', () => {
  const expected: Record<ActorKind, { read: boolean; comment: boolean }> = {
    office: { read: true, comment: true },
    standing_committee: { read: true, comment: true },
    inspector: { read: true, comment: false },
    admin: { read: false, comment: false },
    lead: { read: true, comment: true },
    coordinating: { read: true, comment: true },
    unrelated: { read: false, comment: false },
  };

  it.each(Object.entries(expected))('%s', (kind, { read, comment }) => {
    // Agencies never see the Office's drafts, not even those they will lead.
    const agency = ACTORS[kind as ActorKind].role === 'agency';
    for (const state of TASK_STATES) {
      const hidden = agency && state === 'drafted';
      expect(canRead(taskIn(state), ACTORS[kind as ActorKind])).toBe(read && !hidden);
      expect(canComment(taskIn(state), ACTORS[kind as ActorKind])).toBe(comment && !hidden);
    }
  });

  it('denies unknown roles', () => {
    const rogue = { userId: 'x', role: 'root', agencyId: 'BTG' } as unknown as Actor;
    expect(canRead(taskIn('assigned'), rogue)).toBe(false);
    expect(canComment(taskIn('assigned'), rogue)).toBe(false);
  });

  it('does not give an office user agency rights through the Office’s own agency id', () => {
    const task: TaskFacts = { ...taskIn('in_progress'), leadAgencyId: 'VPTU' };
    expect(canUploadSubmission(task, ACTORS.office)).toBe(false);
  });
});

describe('uploading and editing drafts', () => {
  it('lets only the lead agency upload, and only while the work is in progress', () => {
    for (const state of TASK_STATES) {
      for (const kind of Object.keys(ACTORS) as ActorKind[]) {
        expect(canUploadSubmission(taskIn(state), ACTORS[kind])).toBe(state === 'in_progress' && kind === 'lead');
      }
    }
  });

  it('lets only the Office edit, and only drafts', () => {
    for (const state of TASK_STATES) {
      for (const kind of Object.keys(ACTORS) as ActorKind[]) {
        expect(canEditDraft(taskIn(state), ACTORS[kind])).toBe(state === 'drafted' && kind === 'office');
      }
    }
  });
});

describe('people inside an agency and the deciding authority', () => {
  const LEAD = 'a-lead';
  const base = { state: 'in_progress' as const, leadAgencyId: LEAD, coordinatingAgencyIds: [] as string[] };
  const head: Actor = { userId: 'u-head', role: 'agency', agencyId: LEAD, position: 'head' };
  const officer: Actor = { userId: 'u-officer', role: 'agency', agencyId: LEAD, position: 'officer' };
  const other: Actor = { userId: 'u-other', role: 'agency', agencyId: LEAD, position: 'officer' };

  it('lets the head work on every task it leads, an officer only on those assigned to them', () => {
    const task = { ...base, assigneeUserId: officer.userId };
    expect(maySend('SUBMIT', task, head)).toBe(true);
    expect(maySend('SUBMIT', task, officer)).toBe(true);
    expect(maySend('SUBMIT', task, other)).toBe(false);
    expect(maySend('SUBMIT', { ...base, assigneeUserId: null }, officer)).toBe(false);
    expect(canUploadSubmission(task, other)).toBe(false);
  });

  it('lets an officer work on every task when the head allows it', () => {
    expect(maySend('START', base, { ...other, officersActOnAll: true })).toBe(true);
  });

  it('has approval follow the deciding authority', () => {
    const committee: Actor = { userId: 'u-c', role: 'standing_committee', agencyId: null, position: 'member' };
    const board: Actor = { ...committee, userId: 'u-b', position: 'standing_board' };
    const office: Actor = { userId: 'u-o', role: 'office', agencyId: null };
    expect(isDecider({ ...base }, committee)).toBe(true);
    expect(isDecider({ ...base, decidingAuthority: 'standing_board' }, committee)).toBe(false);
    expect(isDecider({ ...base, decidingAuthority: 'standing_board' }, board)).toBe(true);
    expect(isDecider({ ...base, decidingAuthority: 'office' }, office)).toBe(true);
    expect(isDecider({ ...base, decidingAuthority: 'office' }, board)).toBe(false);
    expect(maySend('APPROVE', { ...base, decidingAuthority: 'office' }, office)).toBe(true);
    expect(maySend('RETURN', { ...base, decidingAuthority: 'office' }, committee)).toBe(false);
  });
});

describe('committees at several levels (issue 20)', () => {
  const PROVINCE = { organisationId: 'org-tinh', organisationPath: 'tinh_uy', organisationAgencyId: null };
  const DISTRICT = { organisationId: 'org-rg', organisationPath: 'tinh_uy.thanh_uy_rg', organisationAgencyId: 'TURG' };
  const SIBLING = { organisationId: 'org-pq', organisationPath: 'tinh_uy.thanh_uy_pq', organisationAgencyId: 'TUPQ' };
  const GRASSROOTS = {
    organisationId: 'org-xa',
    organisationPath: 'tinh_uy.thanh_uy_rg.dang_uy_xa',
    organisationAgencyId: 'DUXA',
  };
  type Org = Pick<Actor, 'organisationId' | 'organisationPath' | 'organisationAgencyId'>;
  const as = (role: Actor['role'], org: Org, position?: Actor['position']): Actor => ({
    userId: `u-${role}-${org.organisationId}`,
    role,
    agencyId: null,
    position,
    ...org,
  });
  const districtTask = (state: TaskState): TaskFacts & { organisationPath: string; classification: 'normal' } => ({
    state,
    leadAgencyId: 'PHONG-RG',
    coordinatingAgencyIds: ['DUXA'],
    dueDate: '2031-06-30',
    deadlineVersion: 1,
    revision: 0,
    hasPendingSubmission: true,
    organisationId: DISTRICT.organisationId,
    organisationPath: DISTRICT.organisationPath,
    classification: 'normal',
  });
  // The province's task given to the district: the district's Office carries it out.
  const givenDown = (state: TaskState) => ({
    ...districtTask(state),
    leadAgencyId: 'TURG',
    coordinatingAgencyIds: [],
    organisationId: PROVINCE.organisationId,
    organisationPath: PROVINCE.organisationPath,
  });

  it('has the committees above see a task, and no sibling or committee below', () => {
    for (const role of ['office', 'standing_committee', 'inspector'] as const) {
      expect(canRead(districtTask('assigned'), as(role, DISTRICT))).toBe(true);
      expect(canRead(districtTask('assigned'), as(role, PROVINCE))).toBe(true);
      expect(canRead(districtTask('assigned'), as(role, SIBLING))).toBe(false);
      expect(canRead(districtTask('drafted'), as(role, SIBLING))).toBe(false);
      // The grassroots committee coordinates the district's task (its agency is named): seen once assigned.
      expect(canRead(districtTask('assigned'), as(role, GRASSROOTS))).toBe(true);
      expect(canRead(districtTask('drafted'), as(role, GRASSROOTS))).toBe(false);
    }
  });

  it('lets only the own committee assign, edit, decide and cancel; the committee above follows', () => {
    const office = as('office', DISTRICT);
    const provinceOffice = as('office', PROVINCE);
    expect(maySend('ASSIGN', districtTask('drafted'), office)).toBe(true);
    expect(maySend('ASSIGN', districtTask('drafted'), provinceOffice)).toBe(false);
    expect(maySend('CANCEL', districtTask('assigned'), provinceOffice)).toBe(false);
    expect(canEditDraft(districtTask('drafted'), office)).toBe(true);
    expect(canEditDraft(districtTask('drafted'), provinceOffice)).toBe(false);
    expect(maySend('APPROVE', districtTask('submitted'), as('standing_committee', DISTRICT))).toBe(true);
    expect(maySend('APPROVE', districtTask('submitted'), as('standing_committee', PROVINCE))).toBe(false);
    expect(maySend('APPROVE', districtTask('submitted'), as('standing_committee', SIBLING))).toBe(false);
    expect(isDecider({ ...districtTask('submitted'), decidingAuthority: 'office' }, provinceOffice)).toBe(false);
    expect(canComment(districtTask('assigned'), provinceOffice)).toBe(true);
  });

  it('has the lower Office carry out the task given to its committee and submit it upward', () => {
    const office = as('office', DISTRICT);
    expect(relationOf(givenDown('in_progress'), office)).toBe('lead');
    expect(canRead(givenDown('assigned'), office)).toBe(true);
    expect(canRead(givenDown('drafted'), office)).toBe(false);
    expect(maySend('START', givenDown('assigned'), office)).toBe(true);
    expect(maySend('SUBMIT', givenDown('in_progress'), office)).toBe(true);
    expect(canUploadSubmission(givenDown('in_progress'), office)).toBe(true);
    // Still the province's to assign and decide.
    expect(maySend('REASSIGN', givenDown('assigned'), office)).toBe(false);
    expect(maySend('APPROVE', givenDown('submitted'), as('standing_committee', DISTRICT))).toBe(false);
    expect(maySend('APPROVE', givenDown('submitted'), as('standing_committee', PROVINCE))).toBe(true);
    // Its Standing Committee follows it but does not do the work; a sibling's Office neither.
    expect(canRead(givenDown('assigned'), as('standing_committee', DISTRICT))).toBe(true);
    expect(maySend('SUBMIT', givenDown('in_progress'), as('standing_committee', DISTRICT))).toBe(false);
    expect(canRead(givenDown('assigned'), as('office', SIBLING))).toBe(false);
    expect(maySend('SUBMIT', givenDown('in_progress'), as('office', SIBLING))).toBe(false);
  });

  it('treats a task read without its committee as someone else’s for an actor that has one', () => {
    const { organisationId: _id, ...unfiled } = districtTask('drafted');
    expect(maySend('ASSIGN', unfiled, as('office', DISTRICT))).toBe(false);
    expect(canEditDraft(unfiled, as('office', DISTRICT))).toBe(false);
  });
});
