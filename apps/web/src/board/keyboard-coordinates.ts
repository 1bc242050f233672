import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Arrow keys jump from column to column (and, with swimlanes, from lane to lane) instead of nudging the
 * card 25 px at a time, which would take dozens of presses to cross one column.
 */
export const columnKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const dx = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  const dy = event.code === 'ArrowDown' ? 1 : event.code === 'ArrowUp' ? -1 : 0;
  if (!dx && !dy) return undefined;
  event.preventDefault();

  const cx = collisionRect.left + collisionRect.width / 2;
  const cy = collisionRect.top + Math.min(collisionRect.height / 2, 40);
  let best: { x: number; y: number; score: number } | null = null;
  for (const container of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const tx = rect.left + rect.width / 2;
    const ty = rect.top + Math.min(rect.height / 2, 40);
    const along = dx ? (tx - cx) * dx : (ty - cy) * dy;
    const across = dx ? Math.abs(ty - cy) : Math.abs(tx - cx);
    // Strictly ahead in the pressed direction; the nearest column, then the nearest lane.
    if (along <= 4) continue;
    const score = along + across * 4;
    if (!best || score < best.score) {
      best = { x: tx - collisionRect.width / 2, y: rect.top + 8, score };
    }
  }
  return best ? { x: best.x, y: best.y } : undefined;
};
