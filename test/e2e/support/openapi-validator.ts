import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import type { Response } from 'supertest';

/** The parts of the served OpenAPI document the validator reads. */
interface MediaType {
  schema?: unknown;
}
interface OperationResponse {
  content?: Record<string, MediaType>;
}
interface Operation {
  responses: Record<string, OperationResponse>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

interface Route {
  template: string;
  pattern: RegExp;
  params: number;
  methods: Record<string, Operation>;
}

// ajv-formats is CommonJS with `exports.default`: take the function whichever way the loader hands it over.
const addFormats =
  (formats as unknown as { default?: typeof formats.default }).default ??
  (formats as unknown as typeof formats.default);

const DOC_ID = 'https://dondoc.local/openapi.json';

/**
 * Checks every answer an end-to-end suite receives against the document the API serves: the status must
 * be one the operation lists, and a JSON body must match that status's schema. A mismatch fails the
 * test that made the request, so the document stays true to the code.
 */
export class OpenApiValidator {
  private readonly ajv: Ajv2020;
  private readonly routes: Route[];
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    // Component refs resolve against the document itself, registered once under an id.
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOC_ID, paths: doc.paths, components: doc.components });
    this.routes = Object.entries(doc.paths)
      .map(([template, methods]) => ({
        template,
        methods,
        params: (template.match(/\{[^}]+\}/g) ?? []).length,
        pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      }))
      // A literal segment wins over a parameter (`/reports/snapshots` before `/reports/{id}`).
      .sort((a, b) => a.params - b.params);
  }

  /** An error message when `res` is not what the document promises, undefined when it is. */
  check(res: Response): string | undefined {
    const req = (res as unknown as { req?: { method?: string; path?: string } }).req;
    const method = (req?.method ?? '').toLowerCase();
    // Express routes `/api/directives/` as `/api/directives`.
    const path = (req?.path ?? '').split('?')[0].replace(/(.)\/+$/, '$1');
    // Only the API is described; the web app, /metrics and CORS preflights are not.
    if (!path.startsWith('/api/') || method === 'options' || method === 'head') return undefined;
    if (path.startsWith('/api/docs')) return undefined;
    const route = this.routes.find((r) => r.pattern.test(path));
    const op = route?.methods[method];
    const where = `${method.toUpperCase()} ${path}`;
    if (!route || !op) {
      // Not an operation: it must still answer with the error shape.
      return res.status >= 400
        ? this.validate(`${where} (undocumented)`, '#/components/schemas/ApiError', res)
        : `${where} answered ${res.status} but is not in the document`;
    }
    const documented = op.responses[String(res.status)];
    if (!documented) {
      return `${where} (${route.template}) answered ${res.status}, which the document does not list (it lists ${Object.keys(op.responses).join(', ')}); body: ${JSON.stringify(res.body).slice(0, 300)}`;
    }
    const type = String(res.headers['content-type'] ?? '')
      .split(';')[0]
      .trim();
    if (!documented.content) {
      return res.status === 204 || !type
        ? undefined
        : `${where} answered ${res.status} with ${type}, documented without a body`;
    }
    const media =
      documented.content[type] ?? documented.content[`${type.split('/')[0]}/*`] ?? documented.content['*/*'];
    if (!media) {
      return `${where} answered ${res.status} with ${type || 'no content type'}; the document lists ${Object.keys(documented.content).join(', ')}`;
    }
    if (type !== 'application/json' || media.schema === undefined) return undefined;
    const pointer = ['paths', route.template, method, 'responses', String(res.status), 'content', type, 'schema']
      .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    return this.validate(`${method.toUpperCase()} ${route.template} → ${res.status}`, `#/${pointer}`, res);
  }

  private validate(where: string, pointer: string, res: Response): string | undefined {
    let fn = this.compiled.get(pointer);
    if (!fn) {
      fn = this.ajv.compile({ $ref: `${DOC_ID}${pointer}` });
      this.compiled.set(pointer, fn);
    }
    if (fn(res.body)) return undefined;
    const problems = (fn.errors ?? [])
      .slice(0, 5)
      .map(
        (e) =>
          `${e.instancePath || '(body)'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
      )
      .join('; ');
    const code = (res.body as { code?: unknown } | undefined)?.code;
    return `${where}${typeof code === 'string' ? ` ${code}` : ''}: the body does not match the document: ${problems}; body: ${JSON.stringify(res.body).slice(0, 400)}`;
  }
}
