import {
  DELIVERABLE_TYPE_VALUES,
  FIELD_VALUES,
  SERIES_FREQUENCY_VALUES,
  type CarryForwardRequest,
  type CreateTaskSeriesRequest,
} from '@dondoc/contracts';

export type SeriesFrequency = (typeof SERIES_FREQUENCY_VALUES)[number];
export type DeliverableType = (typeof DELIVERABLE_TYPE_VALUES)[number];
export type Field = (typeof FIELD_VALUES)[number];

export const FREQUENCIES: readonly SeriesFrequency[] = SERIES_FREQUENCY_VALUES;
export const DELIVERABLE_TYPES: readonly DeliverableType[] = DELIVERABLE_TYPE_VALUES;
export const FIELDS: readonly Field[] = FIELD_VALUES;

/** The i18n key of a frequency's label: "Hằng tháng", "Hằng quý", "6 tháng", "Hằng năm". */
export function frequencyKey(frequency: string): string {
  return (FREQUENCIES as readonly string[]).includes(frequency) ? `series.frequencies.${frequency}` : frequency;
}

/** The due day as shown: 31 means the month's last day. */
export function dueDayLabel(day: number): { key: string; day?: number } {
  return day >= 31 ? { key: 'series.dueDayLast' } : { key: 'series.dueDayValue', day };
}

/** What the "Thêm việc định kỳ" form holds (as typed). */
export interface SeriesForm {
  title: string;
  deliverableType: DeliverableType;
  field: Field;
  leadAgencyId: string;
  coordinatingAgencyIds: readonly string[];
  frequency: SeriesFrequency;
  dueDay: string;
  startsOn: string;
  endsOn: string;
}

/** A whole number from 1 to 31, or null. */
export function parseDueDay(raw: string): number | null {
  const s = raw.trim();
  if (!/^\d{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 31 ? n : null;
}

/**
 * The POST /api/directives/{id}/series body built from the form, or null when the form is not complete:
 * a title, a lead agency, a due day from 1 to 31, a start; the end (if any) not before the start. Empty
 * optional fields are left out; the lead agency is not also a coordinating one.
 */
export function seriesRequest(form: SeriesForm): CreateTaskSeriesRequest | null {
  const title = form.title.trim();
  const dueDay = parseDueDay(form.dueDay);
  if (!title || !form.leadAgencyId || dueDay === null || !form.startsOn) return null;
  if (form.endsOn && form.endsOn < form.startsOn) return null;
  const coordinating = [...new Set(form.coordinatingAgencyIds)].filter((id) => id && id !== form.leadAgencyId);
  return {
    title,
    deliverableType: form.deliverableType,
    field: form.field,
    leadAgencyId: form.leadAgencyId,
    ...(coordinating.length > 0 ? { coordinatingAgencyIds: coordinating } : {}),
    frequency: form.frequency,
    dueDay,
    startsOn: form.startsOn,
    ...(form.endsOn ? { endsOn: form.endsOn } : {}),
  };
}

/** The carry-forward body, or null when a field is empty. */
export function carryForwardRequest(form: {
  number: string;
  title: string;
  issuedOn: string;
}): CarryForwardRequest | null {
  const number = form.number.trim();
  const title = form.title.trim();
  if (!number || !title || !form.issuedOn) return null;
  return { number, title, issuedOn: form.issuedOn };
}

/** Only a monthly program is carried forward. */
export function mayCarryForward(directive: { kind: string } | undefined): boolean {
  return directive?.kind === 'monthly_program';
}
