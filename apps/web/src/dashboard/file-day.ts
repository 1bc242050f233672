import { formatDate } from '../common/format';

/** "30-06-2021": the day in a file name as the server writes it (a slash cannot be in a file name). */
export function fileDay(day: string): string {
  return formatDate(day).replaceAll('/', '-');
}
