import type { BulkRefusal } from '@dondoc/contracts';

/** The file name the server chose (Content-Disposition, RFC 5987 `filename*` first), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** The refused tasks of a 409 BULK_REFUSED answer (an ApiError: nothing changed), else null. */
export function refusalsOf(err: unknown): BulkRefusal[] | null {
  const e = err as { code?: unknown; details?: { refusals?: unknown } } | null;
  if (!e || e.code !== 'BULK_REFUSED') return null;
  const refusals = e.details?.refusals;
  return Array.isArray(refusals) ? (refusals as BulkRefusal[]) : null;
}
