import { DELIVERABLE_TYPE_LABELS, FIELD_LABELS } from '@dondoc/contracts';
import { DEADLINE_STATUS_LABELS, localDate, STATE_LABELS, type DeadlineStatus, type TaskState } from '@dondoc/workflow';

export function fieldLabel(field: string): string {
  return (FIELD_LABELS as Record<string, { vi: string }>)[field]?.vi ?? field;
}

export function deliverableTypeLabel(type: string): string {
  return (DELIVERABLE_TYPE_LABELS as Record<string, { vi: string }>)[type]?.vi ?? type;
}

export function stateLabel(state: string): string {
  return STATE_LABELS[state as TaskState]?.vi ?? state;
}

export function deadlineStatusLabel(status: string | null): string {
  return status ? (DEADLINE_STATUS_LABELS[status as DeadlineStatus]?.vi ?? status) : '';
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', the way dates are written in the province's documents. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** "ngày 30 tháng 6 năm 2021", as the place-and-date line of an administrative document writes it. */
export function viLongDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  // Decree 30/2020/NĐ-CP: days below 10 and months below 3 take a leading zero.
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m < 3 ? `0${m}` : String(m);
  return `ngày ${dd} tháng ${mm} năm ${y}`;
}

/** A fraction as a Vietnamese percentage ("87,5%"); empty when there is nothing to divide by. */
export function viPercent(rate: number | null): string {
  if (rate === null) return '';
  return `${(Math.round(rate * 1000) / 10).toString().replace('.', ',')}%`;
}

// Asia/Ho_Chi_Minh has kept UTC+7 without DST since 1975: the fixed offset localDate() in libs/workflow uses.
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * 'HH:MM' of an instant on Vietnamese clocks. Readers are in the province, so a time printed in UTC
 * ("01:35 UTC" for 08:35) read as seven hours early.
 */
export function localTime(instant: string): string {
  return new Date(Date.parse(instant) + VIETNAM_OFFSET_MS).toISOString().slice(11, 16);
}

/** The year of an instant in Vietnam: a document made on 31 December after 17:00 UTC is already next year's. */
export function localYear(instant: string): number {
  return Number(localDate(new Date(instant)).slice(0, 4));
}

/**
 * What the figures of a document cover: "tính đến 08 giờ 35 phút ngày 04 tháng 12 năm 2026" when live (the
 * moment they were read, in local time, as administrative documents write it), "tính đến hết ngày …" for a
 * past day.
 */
export function viAsOf(meta: { asOf: string; live: boolean; generatedAt: string }): string {
  if (!meta.live) return `tính đến hết ${viLongDate(meta.asOf)}`;
  const [hours, minutes] = localTime(meta.generatedAt).split(':');
  return `tính đến ${hours} giờ ${minutes} phút ${viLongDate(meta.asOf)}`;
}
