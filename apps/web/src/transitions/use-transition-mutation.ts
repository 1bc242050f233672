import type { Page, TaskEventName, TaskSummaryDto, TransitionRequest, UpdateTaskRequest } from '@dondoc/contracts';
import { EVENT_LABELS, STATE_LABELS } from '@dondoc/workflow';
import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { typedApi, unwrap } from '../api/api-client';
import { holdsRule, type DeadlineRule } from '../calendar/working-day-model';
import { queryKeys } from '../api/query-keys';
import { useLabel } from '../common/use-label';
import { isStale, transitionErrorText } from './transition-errors';
import { listsWithTask } from '../board/column-pages';
import { markMoved } from './recent-moves';
import { optimisticTask } from './transition-rules';
import { showToast } from './toast-store';

export interface TransitionInput {
  task: TaskSummaryDto;
  event: TaskEventName;
  comment?: string;
  leadAgencyId?: string;
  dueDate?: string;
  /** ASSIGN by working days or as continuous work: the draft is edited first, then assigned. */
  deadlineRule?: DeadlineRule;
  /** Sent from the dialog, which shows a refusal of its input itself (and keeps what was typed). */
  inline?: boolean;
}

const LISTS: QueryKey = ['tasks', 'list'];

function replaceIn(client: QueryClient, task: TaskSummaryDto): void {
  const lists = client.getQueriesData<Page<TaskSummaryDto>>({ queryKey: LISTS });
  for (const [key, page] of listsWithTask(lists, task)) client.setQueryData(key, page);
}

/**
 * Sends one transition. The cached lists move the card at once; the server's answer replaces it, and a
 * refusal puts the lists back as they were, says why, and reloads the task when our copy was stale.
 */
export function useTransitionMutation() {
  const client = useQueryClient();
  const { t } = useTranslation();
  const label = useLabel();

  return useMutation({
    mutationFn: async ({
      task,
      event,
      comment,
      leadAgencyId,
      dueDate,
      deadlineRule,
    }: TransitionInput): Promise<TaskSummaryDto> => {
      let version = task.version;
      if (deadlineRule && !holdsRule(task, deadlineRule)) {
        // A transition carries a date only: a deadline in working days (fixed as a date at ASSIGN on the working
        // calendar) or continuous work is written on the draft first.
        const edit: UpdateTaskRequest = { expectedVersion: version, ...deadlineRule };
        const edited = await unwrap(
          typedApi.PATCH('/api/tasks/{id}', { params: { path: { id: task.id } }, body: edit }),
        );
        version = edited.version;
      }
      const body: TransitionRequest = { event, expectedVersion: version };
      if (comment?.trim()) body.comment = comment.trim();
      if (leadAgencyId) body.leadAgencyId = leadAgencyId;
      if (dueDate) body.dueDate = dueDate;
      return unwrap(typedApi.POST('/api/tasks/{id}/transitions', { params: { path: { id: task.id } }, body }));
    },
    onMutate: async (input) => {
      // A refetch landing after the optimistic write would put the card back in its old column.
      await client.cancelQueries({ queryKey: LISTS });
      const snapshot = client.getQueriesData<Page<TaskSummaryDto>>({ queryKey: LISTS });
      replaceIn(client, optimisticTask(input.task, input));
      markMoved(input.task.id);
      return { snapshot };
    },
    onError: (err, input, context) => {
      for (const [key, page] of context?.snapshot ?? []) client.setQueryData(key, page);
      // A stale copy closes the dialog, so that refusal is told here; the dialog shows the others.
      if (!input.inline || isStale(err)) {
        showToast('error', transitionErrorText(err, input.task, label(EVENT_LABELS[input.event]), t));
      }
      if (isStale(err)) {
        void client.invalidateQueries({ queryKey: LISTS });
        void client.invalidateQueries({ queryKey: queryKeys.task(input.task.id) });
      }
    },
    onSuccess: (task, input) => {
      replaceIn(client, task);
      void client.invalidateQueries({ queryKey: queryKeys.task(input.task.id) });
      showToast('success', t('board.toast.done', { code: task.code, to: label(STATE_LABELS[task.state]) }));
    },
  });
}
