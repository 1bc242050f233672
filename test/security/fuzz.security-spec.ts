import fc from 'fast-check';
import { agencyId, directiveId, makeTask } from '../e2e/support/fixtures.js';
import { expectClean } from '../e2e/support/files.js';
import { DEMO_PASSWORD, startTestApp, type TestApp } from '../e2e/support/test-app.js';
import {
  example,
  readRoutes,
  routeName,
  send,
  untilFirstEvent,
  type BodyContext,
  type Route,
} from './support/openapi.js';

/**
 * Fuzzing every documented route's input with fast-check: path ids, query strings and bodies, each time
 * by a caller the route admits (so input reaches validation): 0 server errors, 0 stack traces, every
 * error a clean `{statusCode, code, message}`. And unknown fields are refused: in every JSON body, and in
 * the query of every route that takes filters.
 */

const RUNS_PER_ROUTE = Number(process.env.FUZZ_RUNS ?? 25);

/** Query filters per route (libs/contracts): these refuse unknown parameters. */
const FILTERED = /^\/api\/(tasks|notifications|reports\/(?!snapshots\/\{)[^{]+)$/;

function callerOf(route: Route): string | null {
  if (route.path.startsWith('/api/admin/')) return 'admin';
  if (route.path === '/api/auth/login') return null;
  if (route.path === '/api/tasks/{taskId}/submissions') return 'ban-tuyen-giao';
  if (route.path === '/api/tasks/{id}/extension-requests') return 'ban-tuyen-giao';
  if (route.path === '/api/extension-requests/{id}/decision') return 'thuongvu';
  return 'vanphong';
}

const junkId = fc.oneof(
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '..',
    '%2e%2e%2f',
    '%00',
    'null',
    'undefined',
    '-1',
    '0',
    '1e309',
    "' OR 1=1 --",
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
  ),
);
const junkValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer().map(String),
  fc.constantFrom(
    '',
    '-1',
    '1e400',
    'NaN',
    'Infinity',
    '99999999999999999999999',
    '2021-02-30',
    'true',
    '[]',
    '{}',
    '\u0000',
  ),
);
const junkQuery = fc.dictionary(
  fc.oneof(
    fc.constantFrom('limit', 'offset', 'state', 'q', 'agencyId', 'directiveId', 'asOf', 'field', 'deadlineStatus'),
    fc.constantFrom('__proto__', 'constructor', 'access_token'),
  ),
  fc.oneof(junkValue, fc.array(junkValue, { maxLength: 3 })),
  { maxKeys: 3 },
);

function bodyArb(route: Route, ctx: BodyContext): fc.Arbitrary<unknown> {
  const base = (example(route.body, ctx) ?? {}) as Record<string, unknown>;
  const keys = Object.keys(route.body?.properties ?? base);
  const mutated = keys.length
    ? fc
        .tuple(
          fc.constantFrom(...keys),
          fc.oneof(fc.anything({ maxDepth: 2 }), junkValue, fc.string({ minLength: 5000, maxLength: 30000 })),
        )
        .map(([k, v]) => ({ ...base, [k]: v }))
    : fc.constant(base);
  return fc.oneof(
    { arbitrary: mutated, weight: 4 },
    { arbitrary: fc.anything({ maxDepth: 3 }), weight: 2 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
    {
      arbitrary: fc
        .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }))
        .map((o) => ({ ...base, ...o })),
      weight: 2,
    },
  );
}

describe('fuzzing every documented route', () => {
  let t: TestApp;
  let routes: Route[];
  let ctx: BodyContext;
  const ids: Record<string, string> = {};
  const started = new Date();

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_LIMIT_PER_ADDRESS: '100000', LOGIN_LIMIT_PER_ACCOUNT: '100000' });
    routes = await readRoutes(t);
    const task = await makeTask(t.db, { state: 'in_progress', lead: 'ban-tuyen-giao' });
    ids.task = task.id;
    ids.directive = await directiveId(t.db);
    ctx = { agencyId: await agencyId(t.db, 'ban-to-chuc'), directiveId: ids.directive, expectedVersion: task.version };
    const up = await t.http
      .post(`/api/tasks/${task.id}/submissions`)
      .set(await t.as('ban-tuyen-giao'))
      .field('note', 'Tệp để thử')
      .attach('files', Buffer.from('%PDF-1.4\n%%EOF\n'), 'a.pdf');
    ids.file = up.body.files?.[0]?.id ?? task.id;
  });
  afterAll(async () => {
    if (!t) return;
    // What the fuzzing created through the admin routes must not show up in other suites' lists.
    const made = `(SELECT id FROM users WHERE created_at >= $1 AND username LIKE 'secgen%')`;
    await t.db.query(`DELETE FROM notifications WHERE user_id IN ${made}`, [started]);
    await t.db.query(`DELETE FROM sessions WHERE user_id IN ${made}`, [started]);
    await t.db.query(`DELETE FROM users WHERE id IN ${made}`, [started]);
    await t.db.query(`DELETE FROM agencies WHERE created_at >= $1 AND code LIKE 'secgen%'`, [started]);
    await t.close();
  });

  const auth = async (route: Route) => {
    const who = callerOf(route);
    if (!who) return {};
    // Logout ends the session it is sent with: give it one of its own.
    if (route.path === '/api/auth/logout') {
      const res = await t.http.post('/api/auth/login').send({ username: who, password: DEMO_PASSWORD });
      return { Authorization: `Bearer ${res.body.accessToken}` };
    }
    return t.as(who);
  };
  const realId = (route: Route, param: string) =>
    param === 'fileId' ? ids.file : route.path.startsWith('/api/directives/') ? ids.directive : ids.task;

  it(`${RUNS_PER_ROUTE} random inputs per route: 0 server errors, 0 stack traces`, async () => {
    const tally = { routes: 0, requests: 0, byStatus: {} as Record<string, number> };
    const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() % 2_147_483_647;
    for (const route of routes) {
      tally.routes++;
      const params = fc.tuple(
        ...route.params.map((p) =>
          fc.oneof({ arbitrary: fc.constant(realId(route, p)), weight: 2 }, { arbitrary: junkId, weight: 1 }),
        ),
      );
      await fc.assert(
        fc.asyncProperty(params, junkQuery, bodyArb(route, ctx), async (values, query, body) => {
          let url = route.path;
          route.params.forEach((p, i) => (url = url.replace(`{${p}}`, encodeURIComponent(values[i]))));
          const res = await send(t, route, url, await auth(route), route.method === 'get' ? undefined : body, query);
          tally.requests++;
          tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
          // Binary exports are not JSON; everything else must be clean.
          if (!Buffer.isBuffer(res.body)) expectClean(res);
          expect(res.status).toBeLessThan(500);
        }),
        { numRuns: RUNS_PER_ROUTE, seed, endOnFailure: true },
      );
    }
    process.stderr.write(`security fuzz: ${JSON.stringify({ seed, ...tally })}\n`);
    expect(tally.routes).toBe(routes.length);
  }, 600_000);

  it('refuses unknown fields in every JSON body and in the query of every filtered route', async () => {
    const refused: string[] = [];
    const accepted: string[] = [];
    for (const route of routes) {
      const url = route.path.replace(/\{([^}]+)\}/g, (_, p: string) => realId(route, p));
      const field = `unknownField${Date.now().toString(36)}`;
      if (route.body) {
        const body = { ...(example(route.body, ctx) as object), [field]: 'x' };
        const res = await send(t, route, url, await auth(route), body);
        expectClean(res);
        (res.status === 400 && JSON.stringify(res.body).includes(field) ? refused : accepted).push(
          `${routeName(route)} body → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
        );
      }
      if (route.method === 'get' && FILTERED.test(route.path)) {
        const res = await t.http
          .get(url)
          .set(await auth(route))
          .query({ [field]: '1', ...(route.path.endsWith('urging-letter.docx') ? { agencyId: ctx.agencyId } : {}) })
          .buffer(true)
          .parse(untilFirstEvent);
        expectClean(res);
        (res.status === 400 ? refused : accepted).push(`${routeName(route)} query → ${res.status}`);
      }
    }
    process.stderr.write(`security unknown-fields: ${JSON.stringify({ refused: refused.length, accepted })}\n`);
    expect(accepted).toEqual([]);
    expect(refused.length).toBeGreaterThan(20);
  }, 120_000);
});
