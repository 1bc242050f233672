import type { AgencyDto, BulkTaskAction, DirectiveDto, RoleName, TaskSummaryDto } from '@dondoc/contracts';
import { FlexRender, useTable, type Row } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardFilters } from '../board/use-board-filters';
import { usePeopleNames } from '../people/people-names';
import { BulkActionDialog } from './bulk-action-dialog';
import { moveActive } from './selection-model';
import { taskListFeatures, useTaskListColumns } from './task-list-columns';
import { formatSort, nextSort, parseSort, sortTasks, type SortKey } from './task-list-sort';
import { TaskListToolbar } from './task-list-toolbar';
import './task-list.css';
import { useListDownloads } from './use-list-downloads';
import { useTaskListSelection } from './use-task-list-selection';

interface Props {
  /** Exactly what the board would show under the same filters (board-model narrowTasks). */
  tasks: readonly TaskSummaryDto[];
  role: RoleName;
  agencies: ReadonlyMap<string, AgencyDto>;
  directives: ReadonlyMap<string, DirectiveDto>;
  onOpen: (taskId: string) => void;
}

// Fixed heights (CSS agrees): no measuring, so 10,000 rows scroll without layout work.
export const ROW_HEIGHT = 44;
const HEAD_HEIGHT = 56;
const PAGE_ROWS = 10;

interface RowProps {
  row: Row<typeof taskListFeatures, TaskSummaryDto>;
  /** `row.getAllCells()`: the table keeps the same array until the columns change (agencies, language). */
  cells: ReturnType<Row<typeof taskListFeatures, TaskSummaryDto>['getAllCells']>;
  index: number;
  selected: boolean;
  tabbable: boolean;
  onActivate: (index: number) => void;
  onOpen: (taskId: string) => void;
  onToggle: (taskId: string) => void;
}

/**
 * One row, memoised: a scroll re-renders the list for its new window, and only the rows that came into view
 * (or changed selection or tab stop) render again; their props are all stable otherwise.
 */
const TaskListRow = memo(function TaskListRow({
  row,
  cells,
  index,
  selected,
  tabbable,
  onActivate,
  onOpen,
  onToggle,
}: RowProps) {
  const { t } = useTranslation();
  const task = row.original;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      data-testid="task-row"
      data-task-id={task.id}
      data-code={task.code}
      className={`task-list-row${selected ? ' is-selected' : ''}`}
      onClick={() => {
        onActivate(index);
        onOpen(task.id);
      }}
      onFocus={() => onActivate(index)}
    >
      <div role="gridcell" aria-colindex={1} className="task-list-check">
        <input
          type="checkbox"
          tabIndex={-1}
          aria-label={t('taskList.selectRow', { code: task.code })}
          data-testid="row-select"
          checked={selected}
          onClick={(e) => e.stopPropagation()}
          onChange={() => onToggle(task.id)}
        />
      </div>
      {cells.map((cell, i) => (
        <div key={cell.id} role="gridcell" aria-colindex={i + 2} className={`task-list-cell col-${cell.column.id}`}>
          <FlexRender cell={cell} />
        </div>
      ))}
    </div>
  );
});

const getRowId = (row: TaskSummaryDto) => row.id;

/**
 * The list view ("Danh sách"): the board's tasks as a sortable, selectable grid. Only the rows in view
 * are in the DOM; aria-rowcount/aria-rowindex tell assistive technology where they sit in the whole.
 */
export function TaskListView({ tasks, role, agencies, directives, onOpen }: Props) {
  const { t } = useTranslation();
  const { filters, update } = useBoardFilters(role);
  const sort = parseSort(filters.sort);
  const people = usePeopleNames();
  const sorted = useMemo(
    () => sortTasks(tasks, parseSort(filters.sort), { agencies, directives, people }),
    [tasks, filters.sort, agencies, directives, people],
  );
  const ids = useMemo(() => sorted.map((task) => task.id), [sorted]);
  const selection = useTaskListSelection(ids);
  const columns = useTaskListColumns(agencies, directives);
  const table = useTable({ features: taskListFeatures, columns, data: sorted, getRowId });
  const rows = table.getRowModel().rows;
  const [dialog, setDialog] = useState<BulkTaskAction | null>(null);
  const downloads = useListDownloads();

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();

  const [active, setActive] = useState(0);
  // The rows' callbacks stay the same functions across renders (the parent's onOpen may not).
  const openRef = useRef(onOpen);
  openRef.current = onOpen;
  const openRow = useCallback((taskId: string) => openRef.current(taskId), []);
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  // One row takes Tab (roving tabindex): the active one, or the first rendered once it scrolled away.
  const tabRow = items.some((item) => item.index === activeIndex) ? activeIndex : (items[0]?.index ?? 0);
  // Focus follows the active row after a key press, once the virtualizer has rendered it.
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    let tries = 0;
    const focus = () => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
      if (el) {
        el.focus({ preventScroll: true });
        focusPending.current = false;
      } else if (tries++ < 10) requestAnimationFrame(focus);
    };
    focus();
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('input, button, select, textarea')) return;
    const row = sorted[activeIndex];
    if (e.key === 'Enter' && row) {
      e.preventDefault();
      onOpen(row.id);
      return;
    }
    if (e.key === ' ' && row) {
      e.preventDefault();
      selection.toggle(row.id);
      return;
    }
    const next = moveActive(activeIndex, e.key, rows.length, PAGE_ROWS);
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    focusPending.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const sortBy = (key: SortKey) => update({ sort: formatSort(nextSort(sort, key)) });
  const selectedTasks = useMemo(() => {
    const chosen = new Set(selection.ids);
    return sorted.filter((task) => chosen.has(task.id));
  }, [sorted, selection.ids]);
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const colCount = headers.length + 1;
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - HEAD_HEIGHT : 0;
  const padBottom = last ? virtualizer.getTotalSize() - (last.end - HEAD_HEIGHT) : 0;

  return (
    <section className="task-list" aria-label={t('taskList.label')}>
      <TaskListToolbar
        total={sorted.length}
        selected={selection.ids.length}
        canBulk={role === 'office'}
        busy={downloads.busy}
        onAction={setDialog}
        onUrge={() => void downloads.run('urge', selection.ids)}
        onExport={() => void downloads.run('export', ids)}
        onClearSelection={selection.clear}
      />
      <p id="task-list-keys" className="sr-only">
        {t('taskList.keyboardHint')}
      </p>
      <div
        ref={scrollRef}
        className="task-list-grid"
        role="grid"
        aria-label={t('taskList.label')}
        aria-describedby="task-list-keys"
        aria-rowcount={rows.length + 1}
        aria-colcount={colCount}
        aria-multiselectable="true"
        data-testid="task-list"
        data-rows={rows.length}
      >
        <div role="rowgroup" className="task-list-head">
          <div role="row" aria-rowindex={1} className="task-list-row">
            <div role="columnheader" aria-colindex={1} className="task-list-check">
              <input
                type="checkbox"
                aria-label={t('taskList.selectAll')}
                data-testid="select-all"
                checked={selection.header === 'all'}
                ref={(el) => {
                  if (el) el.indeterminate = selection.header === 'some';
                }}
                onChange={selection.toggleAll}
              />
            </div>
            {headers.map((header, i) => {
              const key = header.column.id as SortKey;
              const dir = sort?.key === key ? sort.dir : null;
              return (
                <div
                  key={header.id}
                  role="columnheader"
                  aria-colindex={i + 2}
                  aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                  className={`task-list-cell col-${key}`}
                >
                  <button
                    type="button"
                    className="task-list-sort"
                    data-testid={`sort-${key}`}
                    title={t('taskList.sortBy', { column: t(`taskList.columns.${key}`) })}
                    onClick={() => sortBy(key)}
                  >
                    <table.FlexRender header={header} />
                    <span aria-hidden="true" className="sort-mark">
                      {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
        </div>
        <div
          role="rowgroup"
          className="task-list-body"
          style={{ paddingTop: padTop, paddingBottom: Math.max(0, padBottom) }}
          onKeyDown={onKeyDown}
        >
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <TaskListRow
                key={row.id}
                row={row}
                cells={row.getAllCells()}
                index={item.index}
                selected={selection.selected.has(row.original.id)}
                tabbable={item.index === tabRow}
                onActivate={setActive}
                onOpen={openRow}
                onToggle={selection.toggle}
              />
            );
          })}
        </div>
      </div>
      {dialog && (
        <BulkActionDialog
          action={dialog}
          tasks={selectedTasks}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            selection.clear();
          }}
        />
      )}
    </section>
  );
}
