import type { AgencyDto, TaskSummaryDto } from '@dondoc/contracts';
import { DndContext } from '@dnd-kit/core';
import type { Actor } from '@dondoc/workflow';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { waitingDays } from './board-model';
import { TaskCard } from './task-card';

interface Props {
  tasks: readonly TaskSummaryDto[];
  agencies: ReadonlyMap<string, AgencyDto>;
  actor: Actor;
  today: string;
  onOpen: (taskId: string) => void;
  /** Filters hide some submissions: an empty queue then says so rather than "nothing awaits". */
  filtered?: boolean;
}

/** "Chờ duyệt": submitted work, longest waiting first, each approved or returned from its menu. */
export function ReviewList({ tasks, agencies, actor, today, onOpen, filtered = false }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: tasks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 170,
    getItemKey: (i) => tasks[i]?.id ?? i,
    overscan: 4,
    gap: 10,
  });
  const now = new Date(`${today}T23:59:59+07:00`);

  return (
    // The cards are draggable elsewhere; here there is nowhere to drop, so the menu does the work. A
    // draggable card here would also swallow the click that opens it (dnd-kit's sensor, with no
    // activation distance, starts a drag on press and stops the click that follows).
    <DndContext>
      <section className="review-list" data-testid="review-list" aria-labelledby="review-title">
        <header className="review-header">
          <h2 id="review-title" data-testid="review-title">
            {t('board.review.queueTitle', { count: tasks.length })}
          </h2>
          <p className="hint">
            {t('board.review.title')}. {t('board.review.hint')}
          </p>
        </header>
        {tasks.length === 0 && (
          <p className="work-queue-empty" data-testid="review-empty">
            {filtered
              ? `${t('board.states.emptyFiltered')}. ${t('board.states.emptyFilteredHint')}`
              : `${t('board.states.reviewEmpty')}. ${t('board.states.reviewEmptyHint')}`}
          </p>
        )}
        <div ref={scrollRef} className="review-scroll">
          <div className="column-inner" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const task = tasks[item.index];
              if (!task) return null;
              const days = waitingDays(task, now);
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className="column-row review-row"
                  style={{ transform: `translateY(${item.start}px)` }}
                  // The whole item opens the task, its waiting line too. The card handles its own clicks,
                  // and a click bubbling out of a portal (the card's menu) is not the item's.
                  onClick={(e) => {
                    const target = e.target;
                    if (
                      target instanceof Element &&
                      e.currentTarget.contains(target) &&
                      !target.closest('.task-card')
                    ) {
                      onOpen(task.id);
                    }
                  }}
                >
                  <div className={`waiting${days >= 10 ? ' is-long' : ''}`} data-testid="waiting">
                    {days === 0 ? t('board.card.waitingToday') : t('board.card.waiting', { count: days })}
                  </div>
                  <TaskCard
                    task={task}
                    agencyName={task.leadAgencyId ? (agencies.get(task.leadAgencyId)?.name ?? null) : null}
                    today={today}
                    actor={actor}
                    onOpen={onOpen}
                    draggable={false}
                  />
                </div>
              );
            })}
          </div>
        </div>
      </section>
    </DndContext>
  );
}
