import type { TaskSummaryDto } from '@dondoc/contracts';
import type { AgencyDto } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import { TaskCard } from './task-card';

interface Props {
  tasks: readonly TaskSummaryDto[];
  agencies: ReadonlyMap<string, AgencyDto>;
  today: string;
  actor: Actor;
  onOpen: (taskId: string) => void;
  className?: string;
  /** Called when the last cards loaded come into view (the column reads its next page). */
  onNearEnd?: () => void;
}

const ESTIMATED_CARD_PX = 148;
const GAP_PX = 8;
// Reading the next page starts this many cards before the last one loaded comes into view.
const NEAR_END_CARDS = 10;

/**
 * The cards of one column (or swimlane cell), virtualised: only what is on screen is in the DOM, so
 * thousands of tasks cost no more to draw, and dnd-kit has few nodes to measure.
 */
export const ColumnList = memo(function ColumnList({
  tasks,
  agencies,
  today,
  actor,
  onOpen,
  className,
  onNearEnd,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_PX,
    getItemKey: (index) => tasks[index]?.id ?? index,
    overscan: 4,
    gap: GAP_PX,
    paddingStart: GAP_PX,
    paddingEnd: GAP_PX,
  });

  const items = virtualizer.getVirtualItems();
  const lastShown = items.at(-1)?.index ?? -1;
  const nearEnd = lastShown >= tasks.length - NEAR_END_CARDS;
  useEffect(() => {
    if (nearEnd && onNearEnd) onNearEnd();
  }, [nearEnd, onNearEnd]);

  return (
    <div ref={scrollRef} className={`column-scroll ${className ?? ''}`}>
      <div className="column-inner" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const task = tasks[item.index];
          if (!task) return null;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              className="column-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <TaskCard
                task={task}
                agencyName={task.leadAgencyId ? (agencies.get(task.leadAgencyId)?.name ?? null) : null}
                today={today}
                actor={actor}
                onOpen={onOpen}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
});
