/**
 * The one order for Vietnamese names (agencies in pickers, API answers, workbooks and documents), shared by
 * the API and the web app so every list agrees. Sorting happens in code, not in SQL: the embedded database
 * is initialised with the C locale, whose byte order puts "Ban Tổ chức" before "Ban cán sự" and "Ủy ban"
 * after "Văn phòng".
 *
 * `sensitivity: 'base'` compares letters, not case or tone marks ("Uỷ"/"Ủy", "ban"/"Ban" tie) while `vi`
 * keeps ă, â, đ, ê, ô, ơ, ư as letters of their own; `numeric` puts "Tổ 2" before "Tổ 10".
 */
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Negative, zero or positive as `a` sorts before, with or after `b` in Vietnamese. */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * A sorted copy by the Vietnamese order of `key`. The sort is stable, so items whose keys tie (same letters,
 * other marks or case) keep the order they came in.
 */
export function sortByVietnamese<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareVietnamese(key(a), key(b)));
}
