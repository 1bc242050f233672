import { ACCESS_ACTION_VALUES, type RoleName } from '@dondoc/contracts';

export type { AccessLogPage, AccessLogRowDto as AccessLogRow } from '@dondoc/contracts';

export const ACCESS_ACTIONS = ACCESS_ACTION_VALUES;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** The page's filters, as the URL keeps them (a link or a reload shows the same rows). */
export interface AccessLogFilters {
  taskId: string;
  userId: string;
  /** Calendar days, yyyy-mm-dd, both included. */
  from: string;
  to: string;
  action: AccessAction | '';
  page: number;
}

export const PAGE_SIZE = 50;

/** The inspector (Ủy ban Kiểm tra) and the administrator read the record of access; nobody else. */
export function mayReadAccessLog(role: RoleName | undefined): boolean {
  return role === 'inspector' || role === 'admin';
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isAction = (v: string): v is AccessAction => (ACCESS_ACTIONS as readonly string[]).includes(v);

/** The filters a URL names; anything malformed is dropped rather than sent to earn a 400. */
export function filtersFromParams(params: URLSearchParams): AccessLogFilters {
  const day = (k: string) => {
    const v = params.get(k) ?? '';
    return ISO_DAY.test(v) ? v : '';
  };
  const id = (k: string) => {
    const v = params.get(k) ?? '';
    return UUID.test(v) ? v : '';
  };
  const action = params.get('action') ?? '';
  const page = Number(params.get('page'));
  return {
    taskId: id('taskId'),
    userId: id('userId'),
    from: day('from'),
    to: day('to'),
    action: isAction(action) ? action : '',
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL of these filters: only what is set, and the page only past the first. */
export function filtersToParams(f: AccessLogFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['taskId', 'userId', 'from', 'to', 'action'] as const) {
    if (f[key]) params.set(key, f[key]);
  }
  if (f.page > 1) params.set('page', String(f.page));
  return params;
}

/** A first day after the last one: the API would refuse it (400), so it is not asked. */
export function rangeInvalid(f: Pick<AccessLogFilters, 'from' | 'to'>): boolean {
  return !!f.from && !!f.to && f.from > f.to;
}

/** A change of filter starts again from the first page. */
export function withFilter(f: AccessLogFilters, patch: Partial<Omit<AccessLogFilters, 'page'>>): AccessLogFilters {
  return { ...f, ...patch, page: 1 };
}

/** The filters as the API takes them (GET /api/access-log and its .xlsx): only what is set. */
export type AccessLogQueryParams = {
  taskId?: string;
  userId?: string;
  from?: string;
  to?: string;
  action?: AccessAction;
};

/** What the Excel export is asked for: the same rows, every page of them. */
export function exportQuery(f: AccessLogFilters): AccessLogQueryParams {
  return {
    taskId: f.taskId || undefined,
    userId: f.userId || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    action: f.action || undefined,
  };
}

/** The list query: the filters, one page of PAGE_SIZE rows. */
export function listQuery(f: AccessLogFilters): AccessLogQueryParams & { limit: number; offset: number } {
  return { ...exportQuery(f), limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE };
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** "Hiển thị 51–100 / 230": the rows this page shows, 1-based; zero rows show 0–0. */
export function shownRange(page: number, rows: number, total: number): { first: number; last: number; total: number } {
  if (rows === 0) return { first: 0, last: 0, total };
  const first = (page - 1) * PAGE_SIZE + 1;
  return { first, last: first + rows - 1, total };
}
