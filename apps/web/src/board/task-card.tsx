import type { TaskSummaryDto } from '@dondoc/contracts';
import { useDraggable } from '@dnd-kit/core';
import type { Actor } from '@dondoc/workflow';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { dropTargets } from '../transitions/transition-rules';
import { needsAttention } from './board-model';
import { TaskActionsMenu } from './task-actions-menu';
import { TaskCardBody } from './task-card-body';

interface Props {
  task: TaskSummaryDto;
  agencyName: string | null;
  today: string;
  actor: Actor;
  onOpen: (taskId: string) => void;
}

/**
 * The draggable shell of a card. Only this thin wrapper subscribes to dnd-kit (which re-renders every
 * draggable when a drag starts); the body is memoised apart, so a drag does not repaint every card.
 */
export const TaskCard = memo(function TaskCard({ task, agencyName, today, actor, onOpen }: Props) {
  const { t } = useTranslation();
  const canDrag = dropTargets(task, actor).size > 0;
  // Every card can be picked up, even one this user may not move: every column then shows as closed
  // and a drop explains who may make that move, instead of the card silently refusing to budge.
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: task.id,
    data: { task },
    attributes: { roleDescription: t('board.card.roleDescription') },
  });
  const ref = (node: HTMLDivElement | null) => {
    setNodeRef(node);
    // Keys pressed on the menu button inside the card must not pick the card up.
    setActivatorNodeRef(node);
  };
  const attention = needsAttention(task);

  return (
    <div
      ref={ref}
      {...attributes}
      {...listeners}
      className={`task-card${attention ? ' needs-attention' : ''}${isDragging ? ' is-dragging' : ''}${canDrag ? ' can-drag' : ''}`}
      data-testid={`task-card-${task.id}`}
      data-state={task.state}
      data-version={task.version}
      onClick={() => onOpen(task.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget && !isDragging) {
          e.preventDefault();
          onOpen(task.id);
          return;
        }
        listeners?.onKeyDown?.(e);
      }}
    >
      <TaskCardBody task={task} agencyName={agencyName} today={today} />
      <TaskActionsMenu task={task} actor={actor} />
    </div>
  );
});
