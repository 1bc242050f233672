import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Response } from 'supertest';
import { OpenApiValidator, type OpenApiDocument } from './support/openapi-validator.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);
const ROOT = resolve(__dirname, '../..');
const CLIENT = join(ROOT, 'libs/api-client');

type Operation = {
  summary?: string;
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: { allOf?: unknown[] } }> }>;
} & Record<string, unknown>;

describe('the OpenAPI document (GET /api/docs/openapi.json)', () => {
  let t: TestApp;
  let doc: OpenApiDocument & { paths: Record<string, Record<string, Operation>> };
  let dir: string;

  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http.get('/api/docs/openapi.json').expect(200)).body as typeof doc;
    dir = mkdtempSync(join(tmpdir(), 'dondoc-openapi-'));
    writeFileSync(join(dir, 'served.json'), JSON.stringify(doc));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, method, op })),
    );

  it('is OpenAPI 3.1 and describes every operation: summary, security, success and error answers', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ops = operations();
    expect(ops.length).toBeGreaterThanOrEqual(49);
    const gaps: string[] = [];
    for (const { name, method, op } of ops) {
      if (!op.summary) gaps.push(`${name}: no summary`);
      if (!Array.isArray(op.security)) gaps.push(`${name}: no security`);
      const statuses = Object.keys(op.responses);
      const ok = statuses.find((s) => s.startsWith('2'));
      if (!ok) gaps.push(`${name}: no success answer`);
      else if (ok !== '204' && !op.responses[ok].content) gaps.push(`${name}: ${ok} has no content`);
      if (!statuses.some((s) => s.startsWith('4'))) {
        // Only the public health probes answer no 4xx.
        if (!name.includes('/api/health')) gaps.push(`${name}: no 4xx answer`);
      }
      for (const status of statuses.filter((s) => /^[45]/.test(s))) {
        const schema = op.responses[status].content?.['application/json']?.schema;
        if (!JSON.stringify(schema ?? {}).includes('#/components/schemas/ApiError')) {
          gaps.push(`${name}: ${status} is not the error shape`);
        }
      }
      if (['post', 'patch'].includes(method) && !op.requestBody && !/logout|read|resolve|tickets/.test(name)) {
        gaps.push(`${name}: no request body`);
      }
      if (Object.keys(op).some((k) => k.startsWith('x-dondoc'))) gaps.push(`${name}: internal extension left`);
    }
    expect(gaps).toEqual([]);
  });

  it('passes the OpenAPI linter (redocly, recommended rules) with 0 errors', async () => {
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', join(dir, 'served.json'), '--format=json'],
      { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' }, maxBuffer: 64e6 },
    ).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      totals: { errors: number };
      problems: { ruleId: string; message: string; severity: string }[];
    };
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
  });

  it('is the document committed in libs/api-client (run `npm run openapi` after changing an endpoint)', () => {
    const committed = JSON.parse(readFileSync(join(CLIENT, 'openapi.json'), 'utf8')) as unknown;
    expect(doc).toEqual(committed);
  });

  it('is what the typed client was generated from (libs/api-client/src/schema.ts)', async () => {
    const { stdout } = await run(
      process.execPath,
      [join(ROOT, 'scripts/openapi-types.mjs'), join(dir, 'served.json')],
      { maxBuffer: 64e6 },
    );
    expect(stdout).toBe(readFileSync(join(CLIENT, 'src/schema.ts'), 'utf8'));
  });

  describe('the response validator every suite runs', () => {
    const response = (method: string, path: string, status: number, body: unknown, type = 'application/json') =>
      ({
        req: { method: method.toUpperCase(), path },
        status,
        body,
        headers: { 'content-type': type },
      }) as unknown as Response;
    let validator: OpenApiValidator;
    beforeAll(() => {
      validator = new OpenApiValidator(doc);
    });

    it('accepts an answer the document describes', async () => {
      const res = await t.http
        .get('/api/tasks?limit=2')
        .set(await t.as('vanphong'))
        .expect(200);
      expect(validator.check(res)).toBeUndefined();
    });

    it('refuses a body that does not match, a status not listed, an error code not listed, an unknown type', () => {
      expect(validator.check(response('get', '/api/tasks', 200, { items: 'x', total: 1 }))).toMatch(/does not match/);
      expect(validator.check(response('get', '/api/tasks', 418, {}))).toMatch(/does not list/);
      const conflict = { statusCode: 409, code: 'DIRECTIVE_EXISTS', message: 'x' };
      expect(
        validator.check(response('post', '/api/tasks/0b7c2f3e-0000-4000-8000-000000000000/transitions', 409, conflict)),
      ).toMatch(/DIRECTIVE_EXISTS: the body does not match/);
      expect(validator.check(response('get', '/api/tasks', 200, '<html>', 'text/html'))).toMatch(/text\/html/);
      expect(validator.check(response('get', '/api/nothing-here', 200, {}))).toMatch(/not in the document/);
    });
  });
});
