import type { TFunction } from 'i18next';

/**
 * What to tell after a refused report download. NOTHING_TO_URGE (no agency, or no selected task, has
 * anything to urge) is an answer, not a failure: trying again would not help, so it is said as information.
 */
export function downloadFailure(e: unknown, t: TFunction): { kind: 'info' | 'error'; text: string } {
  if ((e as { code?: unknown } | null)?.code === 'NOTHING_TO_URGE') {
    return { kind: 'info', text: t('dashboard.exports.nothingToUrge') };
  }
  return { kind: 'error', text: t('dashboard.exports.failed', { message: (e as Error).message }) };
}
