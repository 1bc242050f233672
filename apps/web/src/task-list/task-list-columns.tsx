import { type AgencyDto, type DirectiveDto, type TaskSummaryDto } from '@dondoc/contracts';
import { DEADLINE_STATUS_LABELS, STATE_LABELS } from '@dondoc/workflow';
import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDeadline, formatLateness } from '../calendar/deadline-model';
import { displayDate } from '../common/date-text';
import { shortDate } from '../board/task-parts-model';
import { ClassificationBadge } from '../classification/classification-badge';
import { usePeopleNames } from '../people/people-names';
import type { SortKey } from './task-list-sort';

// Core only: sorting is ours (Vietnamese collation, official agency order, sort in the URL) and so is
// selection (limited to the rows shown); the table gives the column model and cell rendering.
export const taskListFeatures = tableFeatures({});
const helper = createColumnHelper<typeof taskListFeatures, TaskSummaryDto>();

/** The data columns, in order; each column's id is its sort key in the URL. */
export function useTaskListColumns(
  agencies: ReadonlyMap<string, AgencyDto>,
  directives: ReadonlyMap<string, DirectiveDto>,
) {
  const { t, i18n } = useTranslation();
  const names = usePeopleNames();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return useMemo(() => {
    const label = (l: { vi: string; en: string }) => l[lang];
    const agencyName = (id: string) => agencies.get(id)?.name ?? '…';
    const head = (key: SortKey) => () => t(`taskList.columns.${key}`);
    return helper.columns([
      helper.accessor('code', { id: 'code', header: head('code') }),
      helper.accessor('title', {
        id: 'title',
        header: head('title'),
        cell: (c) => (
          <>
            <ClassificationBadge level={c.row.original.classification} />
            {c.row.original.isKey && (
              <span className="list-key" data-testid="row-key" title={t('board.card.keyTitle')}>
                {t('board.card.key')}
              </span>
            )}
            <span title={c.getValue()}>{c.getValue()}</span>
          </>
        ),
      }),
      helper.accessor('directiveId', {
        id: 'directive',
        header: head('directive'),
        cell: (c) => {
          const d = directives.get(c.getValue());
          return d ? <span title={d.title}>{d.number}</span> : '…';
        },
      }),
      helper.accessor('leadAgencyId', {
        id: 'lead',
        header: head('lead'),
        cell: (c) => {
          const id = c.getValue();
          return id ? agencyName(id) : <span className="muted">{t('taskList.noLead')}</span>;
        },
      }),
      helper.accessor('coordinatingAgencyIds', {
        id: 'coordinating',
        header: head('coordinating'),
        cell: (c) => {
          // The registry's order is the official one.
          const agencyNames = [...agencies.values()]
            .filter((a) => c.getValue().includes(a.id))
            .map((a) => a.name)
            .join('; ');
          const parts = c.row.original.contributions;
          return (
            <>
              {parts && parts.total > 0 && (
                <span
                  className="list-contributions"
                  data-testid="row-contributions"
                  title={t('board.card.contributionsTitle', parts)}
                >
                  {parts.accepted}/{parts.total}
                </span>
              )}
              <span title={agencyNames}>{agencyNames}</span>
            </>
          );
        },
      }),
      helper.accessor('dueDate', {
        id: 'due',
        header: head('due'),
        cell: (c) => {
          const task = c.row.original;
          // The effective day beside the stated one; a rule ("10 ngày làm việc…") or "Thường xuyên" without a date.
          return c.getValue() || task.continuous || task.deadlineWorkingDays ? (
            <span data-testid="row-deadline">{formatDeadline(t, task)}</span>
          ) : (
            <span className="muted">{t('taskList.noDueDate')}</span>
          );
        },
      }),
      helper.accessor('deadlineStatus', {
        id: 'deadline',
        header: head('deadline'),
        cell: (c) => {
          const s = c.getValue();
          return s ? <span className={`deadline-pill deadline-${s}`}>{label(DEADLINE_STATUS_LABELS[s])}</span> : '';
        },
      }),
      helper.accessor('daysOverdue', {
        id: 'overdue',
        header: head('overdue'),
        cell: (c) => formatLateness(t, c.row.original, { bare: true }) ?? '',
      }),
      helper.accessor('progressPercent', {
        id: 'progress',
        header: head('progress'),
        cell: (c) => {
          const p = c.getValue();
          if (p === null) return '';
          return (
            <span
              className="list-progress"
              data-testid="row-progress"
              title={t('board.card.progressTitle', { percent: p })}
            >
              <span className="part-bar" aria-hidden="true">
                <span className="part-bar-fill" style={{ width: `${p}%` }} />
              </span>
              {p}%
            </span>
          );
        },
      }),
      helper.accessor('nextMilestone', {
        id: 'milestone',
        header: head('milestone'),
        cell: (c) => {
          const m = c.getValue();
          if (!m) return '';
          return (
            <span
              className={`part-milestone ms-${m.deadlineStatus ?? 'none'}`}
              data-testid="row-milestone"
              title={t('board.card.milestoneTitle', { label: m.label, date: displayDate(m.dueDate) })}
            >
              {t('board.card.milestone', { date: shortDate(m.dueDate) })}
            </span>
          );
        },
      }),
      helper.accessor('assigneeUserId', {
        id: 'officer',
        header: head('officer'),
        cell: (c) => {
          const id = c.getValue();
          const name = id ? names.get(id) : undefined;
          return name ? (
            <span data-testid="row-officer" title={name}>
              {name}
            </span>
          ) : (
            ''
          );
        },
      }),
      // The state stays the last column (the lifecycle word closes the row, as before the parts came).
      helper.accessor('state', { id: 'state', header: head('state'), cell: (c) => label(STATE_LABELS[c.getValue()]) }),
    ]);
  }, [agencies, directives, names, t, lang]);
}
