import {
  exportQuery,
  filtersFromParams,
  filtersToParams,
  listQuery,
  mayReadAccessLog,
  pageCount,
  PAGE_SIZE,
  rangeInvalid,
  shownRange,
  withFilter,
} from './access-log-model';

const TASK = '3f1c2b9e-8d7a-4c6b-9e5f-1a2b3c4d5e6f';

describe('mayReadAccessLog', () => {
  it('is the inspector’s and the administrator’s only', () => {
    expect(mayReadAccessLog('inspector')).toBe(true);
    expect(mayReadAccessLog('admin')).toBe(true);
    for (const role of ['office', 'standing_committee', 'agency'] as const) expect(mayReadAccessLog(role)).toBe(false);
    expect(mayReadAccessLog(undefined)).toBe(false);
  });
});

describe('the filters in the URL', () => {
  it('reads what is well formed and drops the rest', () => {
    const f = filtersFromParams(
      new URLSearchParams(`taskId=${TASK}&userId=nope&from=2026-12-01&to=01/12/2026&action=download&page=3`),
    );
    expect(f).toEqual({ taskId: TASK, userId: '', from: '2026-12-01', to: '', action: 'download', page: 3 });
    expect(filtersFromParams(new URLSearchParams('action=delete&page=-2')).action).toBe('');
    expect(filtersFromParams(new URLSearchParams('page=1.5')).page).toBe(1);
  });

  it('writes back only what is set, and the page past the first', () => {
    const f = filtersFromParams(new URLSearchParams(`taskId=${TASK}&page=2`));
    expect(filtersToParams(f).toString()).toBe(`taskId=${TASK}&page=2`);
    expect(filtersToParams({ ...f, page: 1, taskId: '' }).toString()).toBe('');
  });

  it('calls a first day after the last one invalid', () => {
    expect(rangeInvalid({ from: '2026-12-02', to: '2026-12-01' })).toBe(true);
    expect(rangeInvalid({ from: '2026-12-01', to: '2026-12-01' })).toBe(false);
    expect(rangeInvalid({ from: '2026-12-02', to: '' })).toBe(false);
  });

  it('starts again from the first page when a filter changes', () => {
    const f = filtersFromParams(new URLSearchParams('page=4'));
    expect(withFilter(f, { action: 'export' })).toMatchObject({ action: 'export', page: 1 });
  });
});

describe('the queries', () => {
  const f = filtersFromParams(new URLSearchParams(`userId=${TASK}&from=2026-12-01&page=3`));

  it('asks for one page of rows under the filters', () => {
    expect(listQuery(f)).toEqual({
      taskId: undefined,
      userId: TASK,
      from: '2026-12-01',
      to: undefined,
      action: undefined,
      limit: PAGE_SIZE,
      offset: 2 * PAGE_SIZE,
    });
  });

  it('exports every row under the same filters, no paging', () => {
    expect(exportQuery(f)).not.toHaveProperty('limit');
    expect(exportQuery(f)).toMatchObject({ userId: TASK, from: '2026-12-01' });
  });
});

describe('paging', () => {
  it('counts the pages, one at least', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(PAGE_SIZE)).toBe(1);
    expect(pageCount(PAGE_SIZE + 1)).toBe(2);
  });

  it('says which rows the page shows', () => {
    expect(shownRange(2, 10, PAGE_SIZE + 10)).toEqual({
      first: PAGE_SIZE + 1,
      last: PAGE_SIZE + 10,
      total: PAGE_SIZE + 10,
    });
    expect(shownRange(1, 0, 0)).toEqual({ first: 0, last: 0, total: 0 });
  });
});
