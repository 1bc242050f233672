import type { TaskStateName, TaskSummaryDto } from '@dondoc/contracts';
import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import { STATE_LABELS } from '@dondoc/workflow';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

interface Data {
  task?: TaskSummaryDto;
  state?: TaskStateName;
}

/** What screen readers hear while a card is moved with the keyboard, in the board's language. */
export function useDndAnnouncements(isAllowed: (task: TaskSummaryDto, to: TaskStateName) => boolean): {
  announcements: Announcements;
  screenReaderInstructions: ScreenReaderInstructions;
} {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return useMemo(() => {
    const taskOf = (data: unknown) => (data as Data | undefined)?.task;
    const stateOf = (data: unknown) => (data as Data | undefined)?.state;
    const column = (state: TaskStateName | undefined) => (state ? STATE_LABELS[state][lang] : '');
    return {
      screenReaderInstructions: { draggable: t('board.dnd.instructions') },
      announcements: {
        onDragStart: ({ active }) => {
          const task = taskOf(active.data.current);
          return task ? t('board.dnd.start', { code: task.code, from: column(task.state) }) : undefined;
        },
        onDragOver: ({ active, over }) => {
          const task = taskOf(active.data.current);
          if (!task) return undefined;
          const to = stateOf(over?.data.current);
          if (!to) return t('board.dnd.overNone', { code: task.code });
          const key = isAllowed(task, to) ? 'board.dnd.overAllowed' : 'board.dnd.overClosed';
          return t(key, { code: task.code, to: column(to) });
        },
        onDragEnd: ({ active, over }) => {
          const task = taskOf(active.data.current);
          if (!task) return undefined;
          const to = stateOf(over?.data.current);
          return to
            ? t('board.dnd.end', { code: task.code, to: column(to) })
            : t('board.dnd.endNone', { code: task.code });
        },
        onDragCancel: ({ active }) => {
          const task = taskOf(active.data.current);
          return task ? t('board.dnd.cancel', { code: task.code, from: column(task.state) }) : undefined;
        },
      },
    };
  }, [t, lang, isAllowed]);
}
