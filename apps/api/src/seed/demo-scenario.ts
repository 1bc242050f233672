import type { SeedTask } from '@dondoc/persistence';
import { localDate } from '@dondoc/workflow';

/**
 * Turns the 2021 fixtures into a board that is alive "as of today": every date moves by whole years
 * (so "quý II-2021" stays a quarter end and its wording only changes year), then each task gets a
 * story (state and timing) so that every column and every deadline status shows up.
 */
export type Story =
  | 'drafted'
  | 'assigned'
  | 'in_progress'
  | 'returned'
  | 'submitted'
  | 'approved_on_time'
  | 'approved_late'
  | 'cancelled';

export interface PlannedTask extends SeedTask {
  story: Story;
  /** Days before today when the task was assigned. */
  assignedDaysAgo: number;
}

export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February in a non-leap year becomes 28 February, not 1 March.
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** A local (Asia/Ho_Chi_Minh) hour of a calendar day: when the demo's past events happened. */
export const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function yearShift(today: string): number {
  const [y, m] = today.split('-').map(Number);
  // Keep roughly half of the 2021 deadlines behind today and half ahead.
  return y - 2021 - (m <= 6 ? 1 : 0);
}

export function shiftWording(text: string, years: number): string {
  return text.replace(/\b(20\d\d)\b/g, (y) => String(Number(y) + years));
}

const PAST: Story[] = [
  'approved_on_time',
  'in_progress',
  'approved_late',
  'approved_on_time',
  'submitted',
  'approved_on_time',
  'returned',
  'assigned',
  'cancelled',
];
const LIVE = new Set<Story>(['assigned', 'in_progress', 'returned', 'submitted']);
const FUTURE: Story[] = [
  'in_progress',
  'assigned',
  'submitted',
  'approved_on_time',
  'returned',
  'in_progress',
  'drafted',
];

/** The monthly program is shown as this month's program: "tháng 4-2021" becomes the current month. */
const MONTHLY_PROGRAM_KEY = 'CTr-T4/2021';

function endOfMonth(today: string): string {
  const [y, m] = today.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Where a directive names no lead, the Office picks one; the demo leaves two such tasks to pick. */
const OFFICE_PICKS = ['van-phong', 'ban-to-chuc', 'ban-tuyen-giao', 'ban-dan-van', 'ban-noi-chinh'];
const UNPICKED = 2;

export function planDemo(tasks: readonly SeedTask[], now: Date): { shift: number; planned: PlannedTask[] } {
  const today = localDate(now);
  const shift = yearShift(today);
  let past = 0;
  let future = 0;
  let unpicked = 0;
  let picks = 0;
  let cancelledUsed = false;
  const planned = tasks.map((original): PlannedTask => {
    let t = original;
    if (!t.leadAgencyCode && unpicked++ >= UNPICKED) {
      t = { ...t, leadAgencyCode: OFFICE_PICKS[picks++ % OFFICE_PICKS.length] };
    }
    const monthly = t.directiveKey === MONTHLY_PROGRAM_KEY;
    const dueDate = monthly ? endOfMonth(today) : addYears(t.dueDate, shift);
    const deadlineText = monthly
      ? `Trong tháng ${Number(today.slice(5, 7))}-${today.slice(0, 4)}`
      : shiftWording(t.deadlineText, shift);
    const isPast = dueDate < today;
    let story = isPast ? PAST[past++ % PAST.length] : FUTURE[future++ % FUTURE.length];
    if (story === 'cancelled') {
      if (cancelledUsed) story = 'in_progress';
      cancelledUsed = true;
    }
    if (!t.leadAgencyCode) story = 'drafted';
    return {
      ...t,
      dueDate,
      deadlineText,
      milestones: t.milestones?.map((m) => addYears(m, shift)),
      story,
      assignedDaysAgo: 0,
    };
  });
  // Whatever the day of the year, the board must show work due within the week and work not yet due:
  // where the shifted catalog does not give them, the Office has set explicit dates ("trước ngày ...").
  const live = planned.filter((p) => LIVE.has(p.story) && p.directiveKey !== MONTHLY_PROGRAM_KEY);
  const ahead = live.filter((p) => p.dueDate >= today);
  const behind = live.filter((p) => p.dueDate < today);
  const spare = [...ahead, ...behind.slice(2)];
  const setDue = (p: PlannedTask, days: number) => {
    p.dueDate = addDays(today, days);
    p.deadlineText = `trước ngày ${p.dueDate.slice(8, 10)}/${p.dueDate.slice(5, 7)}/${p.dueDate.slice(0, 4)}`;
  };
  spare.slice(0, 2).forEach((p, i) => setDue(p, 2 + i * 3));
  if (!live.some((p) => daysBetween(today, p.dueDate) > 7) && spare[2]) setDue(spare[2], 45);
  for (const p of planned) {
    // Assigned some weeks after the directive (its issue date is about a year before the first deadline).
    const span = Math.max(30, daysBetween(addDays(p.dueDate, -240), today));
    p.assignedDaysAgo = Math.min(span, Math.max(20, daysBetween(addDays(p.dueDate, -200), today)));
  }
  return { shift, planned };
}
