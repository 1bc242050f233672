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

/** What the official order of agencies needs to know of one: its place (null = not placed) and its name. */
export interface OrderedAgency {
  sortOrder: number | null;
  name: string;
}

/**
 * The official order of agencies (thứ tự chính thức), the one every list, export and document follows:
 * agencies the administrator placed by their place, then the others in Vietnamese order of their names.
 */
export function compareAgencyOrder(a: OrderedAgency, b: OrderedAgency): number {
  if (a.sortOrder !== null && b.sortOrder !== null) return a.sortOrder - b.sortOrder;
  if (a.sortOrder !== null) return -1;
  if (b.sortOrder !== null) return 1;
  return compareVietnamese(a.name, b.name);
}

/** A sorted copy in the official order of agencies, the place and name of each read by `key`. */
export function sortByAgencyOrder<T>(items: Iterable<T>, key: (item: T) => OrderedAgency): T[] {
  return [...items].sort((a, b) => compareAgencyOrder(key(a), key(b)));
}
