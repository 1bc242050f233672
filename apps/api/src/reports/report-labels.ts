import { DELIVERABLE_TYPE_LABELS, FIELD_LABELS } from '@dondoc/contracts';
import { DEADLINE_STATUS_LABELS, STATE_LABELS, type DeadlineStatus, type TaskState } from '@dondoc/workflow';

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
