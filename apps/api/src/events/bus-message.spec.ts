import { coalesceTaskChanges, parseBusMessage } from './bus-message.js';

const TASK = '0b8f3c1e-4a57-4d0c-9a9e-2f6b1c3d4e5f';
const USER = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';

describe('parseBusMessage', () => {
  it('reads the relay and worker messages', () => {
    expect(
      parseBusMessage(JSON.stringify({ type: 'task.changed', taskId: TASK, kind: 'notify', requestId: 'r-1' })),
    ).toEqual({ type: 'task.changed', taskId: TASK, kind: 'notify', requestId: 'r-1' });
    expect(parseBusMessage(JSON.stringify({ type: 'notification', userIds: [USER] }))).toEqual({
      type: 'notification',
      userIds: [USER],
      taskId: null,
    });
  });

  it.each([
    ['not JSON', '{'],
    ['a string', '"task.changed"'],
    ['null', 'null'],
    ['an unknown type', JSON.stringify({ type: 'hello', taskId: TASK })],
    ['a task id that is not a uuid', JSON.stringify({ type: 'task.changed', taskId: "1' OR '1'='1" })],
    ['no recipients', JSON.stringify({ type: 'notification', userIds: [] })],
    ['recipients that are not ids', JSON.stringify({ type: 'notification', userIds: [1, 'admin'] })],
  ])('ignores %s', (_what, raw) => {
    expect(parseBusMessage(raw)).toBeUndefined();
  });
});

describe('coalesceTaskChanges', () => {
  it('makes one change per task and request out of a transition’s outbox rows', () => {
    const m = (kind: string, requestId: string | null, taskId = TASK) =>
      ({ type: 'task.changed', taskId, kind, requestId }) as const;
    expect(
      coalesceTaskChanges([m('schedule_deadline_actions', 'a'), m('notify', 'a'), m('notify', 'a'), m('notify', 'b')]),
    ).toEqual([
      { taskId: TASK, requestId: 'a', kinds: ['schedule_deadline_actions', 'notify'] },
      { taskId: TASK, requestId: 'b', kinds: ['notify'] },
    ]);
  });
});
