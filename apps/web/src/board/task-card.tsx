import type { TaskSummaryDto } from '@dondoc/contracts';
import { useDraggable } from '@dnd-kit/core';
import type { Actor } from '@dondoc/workflow';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { dropTargets, eventsFor } from '../transitions/transition-rules';
import { needsAttention } from './board-model';
import { TaskActionsMenu } from './task-actions-menu';
import { TaskCardBody } from './task-card-body';

interface Props {
  task: TaskSummaryDto;
  agencyName: string | null;
  today: string;
  actor: Actor;
  onOpen: (taskId: string) => void;
  /** False where there is nowhere to drop (the review queue): the card only opens, by click or Enter. */
  draggable?: boolean;
}

/**
 * The draggable shell of a card. Only this thin wrapper subscribes to dnd-kit (which re-renders every
 * draggable when a drag starts); the body is memoised apart, so a drag does not repaint every card.
 */
export const TaskCard = memo(function TaskCard({ task, agencyName, today, actor, onOpen, draggable = true }: Props) {
  const { t } = useTranslation();
  const canDrag = dropTargets(task, actor).size > 0;
  // A card this user may act on can be picked up even towards a column it may not enter: that column
  // then shows as closed and the drop explains who may make that move. A card with nothing to send
  // (always, for the inspector) is not picked up at all: a drag that can only be refused is noise.
  const pickable = draggable && eventsFor(task, actor).length > 0;
  const {
    setNodeRef,
    setActivatorNodeRef,
    attributes: dndAttributes,
    listeners,
    isDragging,
  } = useDraggable({
    id: task.id,
    data: { task },
    disabled: !pickable,
    // A group, not dnd-kit's default button: the card holds its own actions button, and a button may not
    // contain another control (screen readers flatten a button's content). It stays focusable, opens on
    // Enter and is picked up with Space.
    attributes: { role: 'group', roleDescription: t('board.card.roleDescription') },
  });
  // dnd-kit marks a disabled draggable aria-disabled, which would announce a card that still opens on
  // click or Enter as unusable; nor does it point such a card at the pick-up instructions. Its
  // aria-pressed belongs to a button only (a pick-up is announced by the live region instead).
  const {
    'aria-disabled': _disabled,
    'aria-pressed': _pressed,
    'aria-describedby': describedBy,
    ...attributes
  } = dndAttributes;
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
      aria-label={`${task.code}: ${task.title}`}
      aria-describedby={pickable ? describedBy : undefined}
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
