import type { PersonDto } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import { taskSummary } from '../test-support/task-summary.fixture';
import {
  agencySettingsKind,
  AGENCY_PEOPLE_KEYS,
  leaderCandidates,
  mayNameAgencyPeople,
  mayNameOfficePeople,
  OFFICE_PEOPLE_KEYS,
  peoplePatch,
  type TaskPeople,
} from './people-model';

const head: Actor = { userId: 'u-head', role: 'agency', agencyId: 'a-btg', position: 'head' };
const deputy: Actor = { ...head, userId: 'u-dep', position: 'deputy' };
const officer: Actor = { ...head, userId: 'u-cv1', position: 'officer' };
const otherHead: Actor = { ...head, userId: 'u-x', agencyId: 'a-other' };
const office: Actor = { userId: 'u-vp', role: 'office', agencyId: null };
const committee: Actor = { userId: 'u-tv', role: 'standing_committee', agencyId: null };

describe('who names the people of a task', () => {
  const task = taskSummary({ leadAgencyId: 'a-btg' });
  it("the lead agency's head or deputy names its officer and leader; not an officer, not another agency", () => {
    expect(mayNameAgencyPeople(task, head)).toBe(true);
    expect(mayNameAgencyPeople(task, deputy)).toBe(true);
    expect(mayNameAgencyPeople(task, officer)).toBe(false);
    expect(mayNameAgencyPeople(task, otherHead)).toBe(false);
    expect(mayNameAgencyPeople(task, office)).toBe(false);
  });
  it('the Office alone names the monitoring officer, authority and key flag', () => {
    expect(mayNameOfficePeople(task, office)).toBe(true);
    expect(mayNameOfficePeople(task, committee)).toBe(false);
    expect(mayNameOfficePeople(task, head)).toBe(false);
  });
  it('nobody names people on a closed task', () => {
    for (const state of ['approved', 'cancelled'] as const) {
      const closed = taskSummary({ leadAgencyId: 'a-btg', state });
      expect(mayNameAgencyPeople(closed, head)).toBe(false);
      expect(mayNameOfficePeople(closed, office)).toBe(false);
    }
  });
});

describe('the PATCH body', () => {
  const before: TaskPeople = {
    assigneeUserId: null,
    responsibleLeaderUserId: 'u-head',
    monitoringUserId: null,
    decidingAuthority: 'standing_committee',
    isKey: false,
  };
  it('carries only the keys that changed, on the side the caller edits, with a trimmed comment', () => {
    const after = { ...before, assigneeUserId: 'u-cv1', isKey: true };
    expect(peoplePatch(before, after, AGENCY_PEOPLE_KEYS, '  giao CV1 ')).toEqual({
      assigneeUserId: 'u-cv1',
      comment: 'giao CV1',
    });
    expect(peoplePatch(before, after, OFFICE_PEOPLE_KEYS, '')).toEqual({ isKey: true });
  });
  it('sends null to clear a person, and nothing at all when nothing changed', () => {
    expect(peoplePatch(before, { ...before, responsibleLeaderUserId: null }, AGENCY_PEOPLE_KEYS, '')).toEqual({
      responsibleLeaderUserId: null,
    });
    expect(peoplePatch(before, { ...before }, [...AGENCY_PEOPLE_KEYS, ...OFFICE_PEOPLE_KEYS], 'note')).toBeNull();
  });
});

it('offers heads and deputies as leaders, never officers', () => {
  const p = (id: string, position: PersonDto['position']): PersonDto => ({
    id,
    fullName: id,
    role: 'agency',
    agencyId: 'a-btg',
    position,
  });
  const list = [p('h', 'head'), p('d', 'deputy'), p('o', 'officer'), p('n', null)];
  expect(leaderCandidates(list).map((x) => x.id)).toEqual(['h', 'd', 'n']);
});

describe('agencySettingsKind', () => {
  it('the head or deputy opens its agency’s settings, the Office the monitoring officers; nobody else any', () => {
    expect(agencySettingsKind(head)).toBe('officers');
    expect(agencySettingsKind(deputy)).toBe('officers');
    expect(agencySettingsKind(officer)).toBeNull();
    expect(agencySettingsKind(office)).toBe('monitoring');
    expect(agencySettingsKind(committee)).toBeNull();
    expect(agencySettingsKind({ userId: 'u-kt', role: 'inspector', agencyId: null })).toBeNull();
  });
});
