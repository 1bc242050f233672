import type { TFunction } from 'i18next';

/**
 * "Not counting 1 unassigned draft and 3 cancelled tasks": each part plural by its count, and a part with
 * nothing in it left out (no "0 ..." phrase); null when nothing is left out.
 */
export function excludedNote(
  t: TFunction,
  excluded: { drafted: number; cancelled: number },
  num: (n: number) => string,
): string | null {
  const parts = (
    [
      ['excludedDrafted', excluded.drafted],
      ['excludedCancelled', excluded.cancelled],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([key, count]) => t(`dashboard.headline.${key}`, { count, n: num(count) }));
  return parts.length
    ? t('dashboard.headline.excluded', { items: parts.join(t('dashboard.headline.excludedAnd')) })
    : null;
}
