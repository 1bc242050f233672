import type { ExtensionRequestDto, SubmissionDto, TaskDetailDto } from '@dondoc/contracts';
import { TASK_EVENTS, type Actor } from '@dondoc/workflow';
import { taskSummary } from '../test-support/task-summary.fixture';
import {
  extensionShortcutFor,
  mayUploadWorkingFiles,
  pendingSubmissionOf,
  taskActionsFor,
  toneOf,
} from './task-actions';

const OFFICE: Actor = { userId: 'u-vp', role: 'office', agencyId: 'a-vp' };
const COMMITTEE: Actor = { userId: 'u-btv', role: 'standing_committee', agencyId: null };
const INSPECTOR: Actor = { userId: 'u-kt', role: 'inspector', agencyId: null };
const LEAD: Actor = { userId: 'u-btg', role: 'agency', agencyId: 'a-btg' };
const COORDINATOR: Actor = { userId: 'u-btc', role: 'agency', agencyId: 'a-btc' };

function detail(overrides: Partial<TaskDetailDto> = {}): TaskDetailDto {
  return {
    ...taskSummary({ coordinatingAgencyIds: ['a-btc'] }),
    description: '',
    directive: { id: 'd-1', number: '07-CTr/TU', title: 'Chương trình hành động' },
    history: [],
    submissions: [],
    comments: [],
    originalDueDate: '2021-06-30',
    extensionRequests: [],
    ...overrides,
  };
}

function submission(overrides: Partial<SubmissionDto>): SubmissionDto {
  return {
    id: 's-1',
    seq: 1,
    revision: 0,
    note: '',
    submittedBy: 'Ban Tuyên giáo',
    submittedAt: '2021-06-01T02:00:00.000Z',
    decision: null,
    decisionComment: null,
    decidedBy: null,
    decidedAt: null,
    files: [],
    ...overrides,
  };
}

const openRequest = { id: 'x-1', status: 'open' } as ExtensionRequestDto;
const events = (task: TaskDetailDto, actor: Actor) => taskActionsFor(task, actor).map((a) => a.event);

describe('toneOf', () => {
  it('marks the step forward primary, cancelling dangerous, and the rest plain', () => {
    const tones = Object.fromEntries(TASK_EVENTS.map((e) => [e, toneOf(e)]));
    expect(tones).toEqual({
      ASSIGN: 'primary',
      REASSIGN: 'default',
      START: 'primary',
      SUBMIT: 'primary',
      APPROVE: 'primary',
      RETURN: 'default',
      CANCEL: 'danger',
    });
  });
});

describe('taskActionsFor', () => {
  it('gives each role the buttons libs/workflow allows, forward first and Hủy last', () => {
    expect(events(detail({ state: 'drafted' }), OFFICE)).toEqual(['ASSIGN', 'CANCEL']);
    expect(events(detail({ state: 'assigned' }), OFFICE)).toEqual(['REASSIGN', 'CANCEL']);
    expect(events(detail({ state: 'assigned' }), LEAD)).toEqual(['START']);
    expect(events(detail({ state: 'in_progress' }), LEAD)).toEqual(['SUBMIT']);
    expect(events(detail({ state: 'submitted' }), COMMITTEE)).toEqual(['APPROVE', 'RETURN']);
  });

  it('gives nothing to whoever only watches: the inspector and a coordinating agency', () => {
    for (const state of ['drafted', 'assigned', 'in_progress', 'submitted'] as const) {
      expect(events(detail({ state }), INSPECTOR)).toEqual([]);
      expect(events(detail({ state }), COORDINATOR)).toEqual([]);
    }
  });

  it('has exactly one primary button whenever there is a step forward', () => {
    const primaries = taskActionsFor(detail({ state: 'submitted' }), COMMITTEE).filter((a) => a.tone === 'primary');
    expect(primaries.map((a) => a.event)).toEqual(['APPROVE']);
  });
});

describe('extensionShortcutFor', () => {
  it('offers Xin gia hạn to the lead agency before submitting, when no request is open', () => {
    expect(extensionShortcutFor(detail({ state: 'in_progress' }), LEAD)).toBe('request');
    expect(extensionShortcutFor(detail({ state: 'assigned' }), LEAD)).toBe('request');
    expect(extensionShortcutFor(detail({ state: 'submitted' }), LEAD)).toBeNull();
    expect(extensionShortcutFor(detail({ state: 'in_progress', dueDate: null }), LEAD)).toBeNull();
    expect(extensionShortcutFor(detail({ state: 'in_progress', extensionRequests: [openRequest] }), LEAD)).toBeNull();
    expect(extensionShortcutFor(detail({ state: 'in_progress' }), COORDINATOR)).toBeNull();
  });

  it('takes a decider to an open request, and offers nothing when none is open', () => {
    const withOpen = detail({ state: 'in_progress', extensionRequests: [openRequest] });
    expect(extensionShortcutFor(withOpen, COMMITTEE)).toBe('decide');
    expect(extensionShortcutFor(withOpen, OFFICE)).toBe('decide');
    expect(extensionShortcutFor(withOpen, INSPECTOR)).toBeNull();
    expect(extensionShortcutFor(detail({ state: 'in_progress' }), COMMITTEE)).toBeNull();
  });
});

describe('the panel with named people (issue 15)', () => {
  const CV1: Actor = { userId: 'u-cv1', role: 'agency', agencyId: 'a-btg', position: 'officer' };
  const CV2: Actor = { ...CV1, userId: 'u-cv2' };
  const MEMBER: Actor = { ...COMMITTEE, position: 'member' };

  it('offers the officer assigned its buttons, extension and files; another officer none of them', () => {
    const task = detail({ state: 'in_progress', assigneeUserId: 'u-cv1' });
    expect(events(task, CV1)).toEqual(['SUBMIT']);
    expect(extensionShortcutFor(task, CV1)).toBe('request');
    expect(mayUploadWorkingFiles(task, CV1)).toBe(true);
    expect(events(task, CV2)).toEqual([]);
    expect(extensionShortcutFor(task, CV2)).toBeNull();
    expect(mayUploadWorkingFiles(task, CV2)).toBe(false);
    expect(events(task, { ...CV2, officersActOnAll: true })).toEqual(['SUBMIT']);
  });

  it('offers APPROVE and RETURN to the task’s deciding authority only', () => {
    expect(events(detail({ state: 'submitted', decidingAuthority: 'standing_board' }), MEMBER)).toEqual([]);
    expect(events(detail({ state: 'submitted', decidingAuthority: 'office' }), COMMITTEE)).toEqual([]);
    expect(events(detail({ state: 'submitted', decidingAuthority: 'office' }), OFFICE)).toEqual(['APPROVE', 'RETURN']);
  });
});

describe('mayUploadWorkingFiles', () => {
  it('lets only the lead agency upload, and only while the work is in progress', () => {
    expect(mayUploadWorkingFiles(detail({ state: 'in_progress' }), LEAD)).toBe(true);
    expect(mayUploadWorkingFiles(detail({ state: 'assigned' }), LEAD)).toBe(false);
    expect(mayUploadWorkingFiles(detail({ state: 'submitted' }), LEAD)).toBe(false);
    expect(mayUploadWorkingFiles(detail({ state: 'in_progress' }), COORDINATOR)).toBe(false);
    expect(mayUploadWorkingFiles(detail({ state: 'in_progress' }), OFFICE)).toBe(false);
  });
});

describe('pendingSubmissionOf', () => {
  it('finds the newest undecided version of the current round, as the server does for Trình', () => {
    const returned = submission({ id: 's-1', seq: 1, revision: 0, decision: 'returned' });
    const older = submission({ id: 's-2', seq: 2, revision: 1 });
    const newer = submission({ id: 's-3', seq: 3, revision: 1 });
    expect(pendingSubmissionOf({ revision: 1, submissions: [older, returned, newer] })?.id).toBe('s-3');
    expect(pendingSubmissionOf({ revision: 1, submissions: [returned] })).toBeNull();
    // An undecided version of an earlier round does not count for this one.
    expect(pendingSubmissionOf({ revision: 2, submissions: [older, newer] })).toBeNull();
    expect(pendingSubmissionOf({ revision: 0, submissions: [] })).toBeNull();
  });
});
