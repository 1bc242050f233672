import type { UserDto } from '@dondoc/contracts';
import { eventsFor } from '../transitions/transition-rules';
import { taskSummary } from '../test-support/task-summary.fixture';
import { actorOf, needsAgencySettings } from './actor';

const officer: UserDto = {
  id: 'u-cv2',
  username: 'bcsd-ubnd.cv2',
  fullName: 'Chuyên viên 2',
  role: 'agency',
  agencyId: 'a-btg',
  position: 'officer',
};
const member: UserDto = {
  id: 'u-uv',
  username: 'uyvien',
  fullName: 'Ủy viên',
  role: 'standing_committee',
  agencyId: null,
  position: 'member',
};

describe('actorOf', () => {
  it('carries the position from the session and the agency’s setting, as the server’s actor does', () => {
    expect(actorOf(officer, true)).toEqual({
      userId: 'u-cv2',
      role: 'agency',
      agencyId: 'a-btg',
      position: 'officer',
      officersActOnAll: true,
    });
    // Settings not (yet) read: an officer is offered only their own tasks.
    expect(actorOf(officer, undefined).officersActOnAll).toBe(false);
    // A session saved before positions existed: no position, as the server reads such an account.
    expect(actorOf({ ...officer, position: undefined }, undefined).position).toBeNull();
  });

  it('makes the board offer an officer nothing on a task assigned to someone else, unless the head allows all', () => {
    const task = taskSummary({ state: 'assigned', leadAgencyId: 'a-btg', assigneeUserId: 'u-cv1' });
    expect(eventsFor(task, actorOf(officer, false))).toEqual([]);
    expect(eventsFor(task, actorOf(officer, true))).toEqual(['START']);
    expect(eventsFor({ ...task, assigneeUserId: 'u-cv2' }, actorOf(officer, false))).toEqual(['START']);
  });

  it('makes the board offer a Committee member no APPROVE on a task the Thường trực decides', () => {
    const task = taskSummary({ state: 'submitted', decidingAuthority: 'standing_board' });
    expect(eventsFor(task, actorOf(member, undefined))).toEqual([]);
    expect(eventsFor(task, actorOf({ ...member, position: 'standing_board' }, undefined))).toEqual([
      'APPROVE',
      'RETURN',
    ]);
  });
});

describe('needsAgencySettings', () => {
  it('reads the agency’s settings for its officers only (heads work on every task anyway)', () => {
    expect(needsAgencySettings(officer)).toBe(true);
    expect(needsAgencySettings({ ...officer, position: 'head' })).toBe(false);
    expect(needsAgencySettings({ ...officer, position: null })).toBe(false);
    expect(needsAgencySettings(member)).toBe(false);
  });
});
