import { taskChangedMessage } from '@dondoc/contracts';
import { coalesceTaskChanges } from './coalesce-task-changes.js';

const TASK = '0b8f3c1e-4a57-4d0c-9a9e-2f6b1c3d4e5f';
const OTHER = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';

describe('coalesceTaskChanges', () => {
  const m = (kind: string, requestId: string | null, taskId = TASK, version?: number) =>
    taskChangedMessage({ taskId, kind, requestId, version });

  it('makes one change per task and request, with every kind once', () => {
    expect(
      coalesceTaskChanges([m('schedule_deadline_actions', 'a'), m('notify', 'a'), m('notify', 'a'), m('notify', 'b')]),
    ).toEqual([
      { taskId: TASK, requestId: 'a', kinds: ['schedule_deadline_actions', 'notify'] },
      { taskId: TASK, requestId: 'b', kinds: ['notify'] },
    ]);
  });

  it('keeps tasks apart and carries the highest version it saw', () => {
    expect(
      coalesceTaskChanges([m('START', null, TASK, 3), m('COMMENT', null, TASK, 5), m('ASSIGN', null, OTHER, 2)]),
    ).toEqual([
      { taskId: TASK, requestId: null, kinds: ['START', 'COMMENT'], version: 5 },
      { taskId: OTHER, requestId: null, kinds: ['ASSIGN'], version: 2 },
    ]);
  });
});
