import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import type { TestApp } from '../../e2e/support/test-app.js';

/** The routes the API documents, read from GET /api/docs/openapi.json. */
export interface Route {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** As documented, e.g. /api/tasks/{id}/transitions. */
  path: string;
  params: string[];
  body?: JsonSchema;
  multipart: boolean;
}

export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minItems?: number;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  /** A tagged union (the bulk actions): each variant fixes its tag with `const`. */
  oneOf?: JsonSchema[];
  const?: unknown;
}

/** Replaces `$ref`s to named schemas by the schemas themselves (request bodies hold no cycles). */
function deref(schema: unknown, components: Record<string, unknown>): unknown {
  if (Array.isArray(schema)) return schema.map((s) => deref(s, components));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: string }).$ref;
  if (ref) return deref(components[ref.replace('#/components/schemas/', '')], components);
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, deref(v, components)]));
}

export async function readRoutes(t: TestApp): Promise<Route[]> {
  const doc = await t.http.get('/api/docs/openapi.json').expect(200);
  const components = (doc.body.components?.schemas ?? {}) as Record<string, unknown>;
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.body.paths as Record<string, Record<string, unknown>>)) {
    for (const [method, op] of Object.entries(ops as Record<string, Record<string, unknown>>)) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content;
      routes.push({
        method: method as Route['method'],
        path,
        params: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]),
        body: deref(content?.['application/json']?.schema, components) as JsonSchema | undefined,
        // JSON when the route takes it; Nest's @ApiConsumes('multipart/form-data') documents no body for uploads.
        multipart:
          !content?.['application/json'] && (Boolean(content?.['multipart/form-data']) || /\/submissions$/.test(path)),
      });
    }
  }
  return routes;
}

export const routeName = (r: Route) => `${r.method.toUpperCase()} ${r.path}`;

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${(++seq).toString(36)}`;

/** Ids that make a generated body meaningful (a real agency, a real directive). */
export interface BodyContext {
  agencyId: string;
  directiveId: string;
  expectedVersion: number;
}

/** A syntactically valid value for a schema: required fields, plus optional ones up to two keys. */
export function example(schema: JsonSchema | undefined, ctx: BodyContext, key = ''): unknown {
  if (!schema) return undefined;
  if (schema.anyOf) return example(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0], ctx, key);
  if (schema.oneOf) return example(schema.oneOf[0], ctx, key);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  switch (schema.type ?? 'string') {
    case 'object': {
      const props = schema.properties ?? {};
      // Files travel as multipart parts, never inside JSON.
      const keys = Object.keys(props).filter((k) => props[k].format !== 'binary');
      const chosen = new Set((schema.required ?? []).filter((k) => keys.includes(k)));
      for (const k of keys) if (chosen.size < 2) chosen.add(k);
      return Object.fromEntries([...chosen].map((k) => [k, example(props[k], ctx, k)]));
    }
    case 'array':
      return [example(schema.items, ctx, key)];
    case 'integer':
    case 'number':
      return key === 'expectedVersion' ? ctx.expectedVersion : Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'uuid') {
        if (/directive/i.test(key)) return ctx.directiveId;
        if (/agency/i.test(key)) return ctx.agencyId;
        return randomUUID();
      }
      if (schema.format === 'date') return '2031-06-30';
      if (schema.format === 'email') return 'thu.nghiem@tinhuy.vn';
      if (schema.pattern) return `secgen${uniq()}`;
      if ((schema.minLength ?? 0) >= 8) return 'mat-khau-an-toan-2031';
      return 'Thử nghiệm bảo mật';
    default:
      return 'Thử nghiệm bảo mật';
  }
}

import { untilFirstEvent } from '../../e2e/support/sse-client.js';

export { untilFirstEvent };

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

/** Sends `route` with the given path, query and body (multipart for uploads). */
export function send(
  t: TestApp,
  route: Route,
  url: string,
  auth: Record<string, string>,
  body: unknown,
  query: Record<string, unknown> = {},
): Test {
  let req = t.http[route.method](url)
    .set(auth)
    .query(query as Record<string, string>);
  if (route.path === '/api/events') return req.buffer(true).parse(untilFirstEvent);
  if (/\.(xlsx|docx)$/.test(route.path) || /\/files\//.test(route.path)) req = req.buffer(true);
  if (route.multipart) return req.field('note', 'Sản phẩm thử nghiệm').attach('files', PDF, 'bao-cao.pdf');
  // Serialized here, so that any JSON value (a bare number, a string, null) goes out as the body.
  if (body !== undefined) return req.set('Content-Type', 'application/json').send(JSON.stringify(body) ?? '');
  return req;
}

/** The objects a generated matrix aims the routes at: one task, its parts, and what stands around it. */
export interface Targets {
  task: { id: string; version: number };
  fileId: string;
  /** The agency a task route names (a coordinator asked for a contribution). */
  coordinatorAgencyId: string;
  milestoneId: string;
  contributionId: string;
  contributionFileId: string;
  progressId: string;
  progressFileId: string;
  periodId: string;
  seriesId: string;
  /** The agency whose settings are read and changed: the task's lead. */
  ownerAgencyId: string;
  extensionId: string;
  notificationId: string;
  incidentId: string;
  snapshotId: string;
  directiveId: string;
  adminUserId?: string;
  adminAgencyId?: string;
}

/** The object a path parameter names; a route the table does not know yet gets an id nobody owns. */
export function targetOf(route: Route, param: string, x: Targets): string {
  const p = route.path;
  if (p.startsWith('/api/tasks/')) {
    if (param === 'agencyId') return x.coordinatorAgencyId;
    return param === 'fileId' ? x.fileId : x.task.id;
  }
  if (p.startsWith('/api/milestones/')) return x.milestoneId;
  if (p.startsWith('/api/contributions/')) return param === 'fileId' ? x.contributionFileId : x.contributionId;
  if (p.startsWith('/api/progress-reports/')) return param === 'fileId' ? x.progressFileId : x.progressId;
  if (p.startsWith('/api/reporting-periods/')) return x.periodId;
  if (p.startsWith('/api/series/')) return x.seriesId;
  if (p.startsWith('/api/agencies/')) return x.ownerAgencyId;
  if (p.startsWith('/api/extension-requests/')) return x.extensionId;
  if (p.startsWith('/api/notifications/')) return x.notificationId;
  if (p.startsWith('/api/incidents/')) return x.incidentId;
  if (p.startsWith('/api/reports/snapshots/')) return x.snapshotId;
  if (p.startsWith('/api/directives/')) return x.directiveId;
  if (p.startsWith('/api/admin/users/') && x.adminUserId) return x.adminUserId;
  if (p.startsWith('/api/admin/agencies/') && x.adminAgencyId) return x.adminAgencyId;
  return randomUUID();
}

/** The path with every parameter replaced by its target. */
export const urlOf = (route: Route, x: Targets) =>
  route.path.replace(/\{([^}]+)\}/g, (_, name: string) => targetOf(route, name, x));

/** Bodies the generator cannot build (a union), or that must name the target task to mean anything. */
export function bodyFor(name: string, task: { id: string; version: number }): unknown {
  if (name === 'POST /api/tasks/export.xlsx') return { taskIds: [task.id] };
  // One side's keys at a time, so that each caller's answer means one rule.
  if (name === 'PATCH /api/tasks/{id}/people') return { isKey: true };
  if (name === 'PATCH /api/agencies/{id}/settings') return { officersActOnAll: true };
  if (name === 'POST /api/contributions/{id}/accept') return { comment: 'Tiếp thu' };
  if (name === 'POST /api/tasks/bulk') {
    return { action: 'cancel', items: [{ taskId: task.id, expectedVersion: task.version }], comment: 'Hủy thử' };
  }
  return undefined;
}
