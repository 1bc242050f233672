import type { RoleName } from '@dondoc/contracts';
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

export type Lanes = 'none' | 'agency' | 'directive';
export type BoardView = 'board' | 'review' | 'list';

export interface BoardFilters {
  q: string;
  directiveId: string;
  agencyId: string;
  field: string;
  deadlineStatus: string;
  lanes: Lanes;
  view: BoardView;
  showCancelled: boolean;
  attention: boolean;
  /** "Việc của tôi": the tasks assigned to me as handling officer (agency users). */
  mine: boolean;
  /** "Tôi theo dõi": the tasks I follow as the Office's monitoring officer. */
  watching: boolean;
  /** "Trọng tâm": key tasks only. */
  key: boolean;
  /** The list view's sort, `key:asc|desc` (parsed by task-list-sort.ts); empty = the server's order. */
  sort: string;
}

// URL names: short, so a shared link stays readable.
const PARAM = {
  q: 'q',
  directiveId: 'directive',
  agencyId: 'agency',
  field: 'field',
  deadlineStatus: 'deadline',
  lanes: 'lanes',
  view: 'view',
  showCancelled: 'cancelled',
  attention: 'attention',
  mine: 'mine',
  watching: 'watching',
  key: 'key',
  sort: 'sort',
} as const satisfies Record<keyof BoardFilters, string>;

/** Filters that narrow the tasks (as opposed to how they are laid out). */
export function hasNarrowingFilters(f: BoardFilters): boolean {
  return Boolean(
    f.q || f.directiveId || f.agencyId || f.field || f.deadlineStatus || f.attention || f.mine || f.watching || f.key,
  );
}

/**
 * The board's filters live in the URL's search params, so a link shows the same board to a colleague.
 * The Standing Committee lands on the review queue unless the link says otherwise.
 */
export function useBoardFilters(role: RoleName | undefined) {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<BoardFilters>(() => {
    const lanes = params.get(PARAM.lanes);
    const view = params.get(PARAM.view);
    return {
      q: params.get(PARAM.q) ?? '',
      directiveId: params.get(PARAM.directiveId) ?? '',
      agencyId: params.get(PARAM.agencyId) ?? '',
      field: params.get(PARAM.field) ?? '',
      deadlineStatus: params.get(PARAM.deadlineStatus) ?? '',
      lanes: lanes === 'agency' || lanes === 'directive' ? lanes : 'none',
      view:
        view === 'board' || view === 'review' || view === 'list'
          ? view
          : role === 'standing_committee'
            ? 'review'
            : 'board',
      showCancelled: params.get(PARAM.showCancelled) === '1',
      attention: params.get(PARAM.attention) === '1',
      mine: params.get(PARAM.mine) === '1',
      watching: params.get(PARAM.watching) === '1',
      key: params.get(PARAM.key) === '1',
      sort: params.get(PARAM.sort) ?? '',
    };
  }, [params, role]);

  // setSearchParams changes with every URL change; memoised cards need callbacks that do not.
  const setRef = useRef(setParams);
  setRef.current = setParams;

  const update = useCallback((patch: Partial<BoardFilters>) => {
    setRef.current(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch) as [keyof BoardFilters, BoardFilters[keyof BoardFilters]][]) {
          const name = PARAM[key];
          const text = typeof value === 'boolean' ? (value ? '1' : '') : value;
          if (!text || (key === 'lanes' && text === 'none')) next.delete(name);
          else next.set(name, text);
        }
        return next;
      },
      { replace: true },
    );
  }, []);

  const clear = useCallback(() => {
    setRef.current(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const key of [
          'q',
          'directiveId',
          'agencyId',
          'field',
          'deadlineStatus',
          'attention',
          'mine',
          'watching',
          'key',
        ] as const)
          next.delete(PARAM[key]);
        return next;
      },
      { replace: true },
    );
  }, []);

  /** Opens the task drawer (it reads `task` from the URL). */
  const openTask = useCallback((taskId: string) => {
    setRef.current((prev) => {
      const next = new URLSearchParams(prev);
      next.set('task', taskId);
      return next;
    });
  }, []);

  return { filters, update, clear, openTask };
}
