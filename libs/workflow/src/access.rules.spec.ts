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
