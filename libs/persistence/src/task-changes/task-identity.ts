import { foldVietnamese } from '@dondoc/contracts';

/** What `tasks.search_text` holds: code, title and description folded, so `de an` finds `Đề án`. */
export function searchTextOf(t: { code: string; title: string; description?: string | null }): string {
  return foldVietnamese(`${t.code} ${t.title} ${t.description ?? ''}`);
}

/** `<directive number>-<NN>`: how the demo seed, `POST /api/tasks` and the import number a directive's tasks. */
export function taskCode(number: string, index: number): string {
  return `${number}-${String(index + 1).padStart(2, '0')}`;
}
