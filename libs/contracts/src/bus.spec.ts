import {
  busChannels,
  busMessagesForOutboxRow,
  deploymentPrefixSchema,
  encodeBusMessage,
  MAX_NOTIFICATION_USER_IDS,
  notificationMessages,
  outboxPayload,
  outboxPayloadSchema,
  parseBusMessage,
  redisOptions,
  taskChangedMessage,
} from './bus.js';

const TASK = '0b8f3c1e-4a57-4d0c-9a9e-2f6b1c3d4e5f';
const USER = '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b';
const USER2 = '7a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d';

describe('busChannels', () => {
  it('derives both channels from the deployment prefix; the default is the historical names', () => {
    expect(busChannels('dondoc')).toEqual({ schedule: 'dondoc.schedule', events: 'dondoc.events' });
    expect(busChannels('tinh-a')).toEqual({ schedule: 'tinh-a.schedule', events: 'tinh-a.events' });
  });

  it('gives two prefixes no channel in common', () => {
    const names = ['a', 'b', 'a.events', 'a.schedule', 'dondoc', 'dondoc2'].map(busChannels);
    const all = names.flatMap((c) => [c.schedule, c.events]);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(['', 'a b', 'a:b', 'x*', 'é', 'a'.repeat(101)])('refuses the prefix %j', (prefix) => {
    expect(deploymentPrefixSchema.safeParse(prefix).success).toBe(false);
    expect(() => busChannels(prefix)).toThrow(/deployment prefix/);
  });
});

describe('redisOptions', () => {
  it('reads host, port, credentials and database', () => {
    expect(redisOptions('redis://127.0.0.1:6379')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      username: undefined,
      password: undefined,
      db: 0,
    });
    expect(redisOptions('redis://u%40x:p%2Fw@cache.local:6380/3')).toEqual({
      host: 'cache.local',
      port: 6380,
      username: 'u@x',
      password: 'p/w',
      db: 3,
    });
    expect(redisOptions('redis://:secret@[::1]')).toMatchObject({ host: '::1', port: 6379, password: 'secret' });
  });

  it('turns on TLS for rediss:// and refuses other schemes', () => {
    expect(redisOptions('rediss://cache.example:6380').tls).toEqual({});
    expect(redisOptions('redis://cache.example').tls).toBeUndefined();
    expect(() => redisOptions('http://127.0.0.1:6379')).toThrow(/redis:\/\//);
    expect(() => redisOptions('redis://127.0.0.1/x')).toThrow(/database/);
  });
});

describe('bus messages', () => {
  it('reads what the builders write', () => {
    const changed = taskChangedMessage({ taskId: TASK, kind: 'ASSIGN', requestId: 'r-1', version: 4 });
    expect(parseBusMessage(encodeBusMessage(changed))).toEqual({
      type: 'task.changed',
      taskId: TASK,
      kind: 'ASSIGN',
      requestId: 'r-1',
      version: 4,
    });
    const [note] = notificationMessages({ userIds: [USER, USER], taskId: TASK, kind: 'RETURN' });
    expect(parseBusMessage(encodeBusMessage(note))).toEqual({
      type: 'notification',
      userIds: [USER],
      taskId: TASK,
      kind: 'RETURN',
    });
  });

  it('fills what older publishers left out', () => {
    expect(parseBusMessage(JSON.stringify({ type: 'task.changed', taskId: TASK, kind: 'notify' }))).toEqual({
      type: 'task.changed',
      taskId: TASK,
      kind: 'notify',
      requestId: null,
    });
    expect(parseBusMessage(JSON.stringify({ type: 'notification', userIds: [USER] }))).toEqual({
      type: 'notification',
      userIds: [USER],
      taskId: null,
      kind: null,
    });
  });

  it.each([
    ['not JSON', '{'],
    ['a string', '"task.changed"'],
    ['null', 'null'],
    ['an unknown type', JSON.stringify({ type: 'hello', taskId: TASK })],
    ['a task id that is not a uuid', JSON.stringify({ type: 'task.changed', taskId: "1' OR '1'='1", kind: 'x' })],
    ['a change without its kind', JSON.stringify({ type: 'task.changed', taskId: TASK })],
    ['a version that is not a count', JSON.stringify({ type: 'task.changed', taskId: TASK, kind: 'x', version: -1 })],
    ['no recipients', JSON.stringify({ type: 'notification', userIds: [] })],
    ['recipients that are not ids', JSON.stringify({ type: 'notification', userIds: [1, 'admin'] })],
    ['one bad recipient among good ones', JSON.stringify({ type: 'notification', userIds: [USER, 'admin'] })],
    [
      'too many recipients',
      JSON.stringify({ type: 'notification', userIds: Array(MAX_NOTIFICATION_USER_IDS + 1).fill(USER) }),
    ],
    ['a notification whose task is not an id', JSON.stringify({ type: 'notification', userIds: [USER], taskId: 7 })],
  ])('ignores %s', (_what, raw) => {
    expect(parseBusMessage(raw)).toBeUndefined();
  });

  it('splits a long recipient list and sends nothing for nobody', () => {
    const users = Array.from(
      { length: MAX_NOTIFICATION_USER_IDS + 5 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const messages = notificationMessages({ userIds: users, taskId: null, kind: 'INCIDENT' });
    expect(messages.map((m) => m.userIds.length)).toEqual([MAX_NOTIFICATION_USER_IDS, 5]);
    expect(notificationMessages({ userIds: [], taskId: TASK, kind: 'COMMENT' })).toEqual([]);
  });

  it('refuses to build a message that would be ignored, but drops only a request id that does not fit', () => {
    expect(() => taskChangedMessage({ taskId: 'nope', kind: 'ASSIGN' })).toThrow();
    expect(() => notificationMessages({ userIds: ['nope'], taskId: TASK, kind: 'ASSIGN' })).toThrow();
    expect(taskChangedMessage({ taskId: TASK, kind: 'ASSIGN', requestId: 'x'.repeat(500) }).requestId).toBeNull();
  });
});

describe('the outbox payload', () => {
  const v1 = { v: 1, change: 'RETURN', taskId: TASK, taskVersion: 7, recipients: [USER, USER2] };

  it('accepts the writer’s shape and refuses others', () => {
    expect(outboxPayloadSchema.parse(v1)).toEqual(v1);
    expect(outboxPayloadSchema.parse({ ...v1, recipients: [] }).recipients).toEqual([]);
    for (const bad of [
      {},
      { ...v1, v: 2 },
      { ...v1, taskId: 'x' },
      { ...v1, taskVersion: 1.5 },
      { ...v1, recipients: ['x'] },
      { ...v1, change: '' },
      { ...v1, recipients: undefined },
    ]) {
      expect(outboxPayloadSchema.safeParse(bad).success).toBe(false);
    }
    expect(outboxPayload({ change: 'COMMENT', taskId: TASK, taskVersion: 2, recipients: [USER, USER] })).toEqual({
      v: 1,
      change: 'COMMENT',
      taskId: TASK,
      taskVersion: 2,
      recipients: [USER],
    });
  });

  it('becomes one task.changed, and one notification when it names recipients', () => {
    const row = { task_id: TASK, kind: 'RETURN', request_id: 'req-9', payload: v1 };
    expect(busMessagesForOutboxRow(row)).toEqual({
      payload: 'v1',
      messages: [
        { type: 'task.changed', taskId: TASK, kind: 'RETURN', requestId: 'req-9', version: 7 },
        { type: 'notification', userIds: [USER, USER2], taskId: TASK, kind: 'RETURN' },
      ],
    });
    expect(busMessagesForOutboxRow({ ...row, payload: { ...v1, recipients: [] } }).messages).toEqual([
      { type: 'task.changed', taskId: TASK, kind: 'RETURN', requestId: 'req-9', version: 7 },
    ]);
  });

  it('publishes a row written before the contract as a task.changed only', () => {
    const legacy = { task_id: TASK, kind: 'notify', request_id: null, payload: { ASSIGN: true } };
    expect(busMessagesForOutboxRow(legacy)).toEqual({
      payload: 'legacy',
      messages: [{ type: 'task.changed', taskId: TASK, kind: 'notify', requestId: null }],
    });
    expect(busMessagesForOutboxRow({ ...legacy, payload: {} }).payload).toBe('legacy');
    expect(busMessagesForOutboxRow({ ...legacy, payload: { ...v1, taskVersion: 'x' } })).toEqual({
      payload: 'invalid',
      messages: [{ type: 'task.changed', taskId: TASK, kind: 'notify', requestId: null }],
    });
    expect(busMessagesForOutboxRow({ ...legacy, task_id: null }).messages).toEqual([]);
  });
});
