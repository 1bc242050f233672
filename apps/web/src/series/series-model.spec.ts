import { SERIES_FREQUENCY_VALUES } from '@dondoc/contracts';
import {
  carryForwardRequest,
  dueDayLabel,
  frequencyKey,
  mayCarryForward,
  parseDueDay,
  seriesRequest,
  type SeriesForm,
} from './series-model';
import { seriesEn, seriesVi } from './series.i18n';

const label = (texts: typeof seriesVi, key: string) =>
  key
    .split('.')
    .slice(1)
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], texts);

describe('series model', () => {
  it('labels every frequency, Vietnamese first', () => {
    expect(SERIES_FREQUENCY_VALUES.map((f) => label(seriesVi, frequencyKey(f)))).toEqual([
      'Hằng tháng',
      'Hằng quý',
      '6 tháng',
      'Hằng năm',
    ]);
    expect(SERIES_FREQUENCY_VALUES.map((f) => label(seriesEn, frequencyKey(f)))).toEqual([
      'Monthly',
      'Quarterly',
      'Half-yearly',
      'Yearly',
    ]);
    expect(frequencyKey('weekly')).toBe('weekly');
  });

  it('shows day 31 as the last day of the month', () => {
    expect(dueDayLabel(15)).toEqual({ key: 'series.dueDayValue', day: 15 });
    expect(dueDayLabel(31)).toEqual({ key: 'series.dueDayLast' });
  });

  it('reads due days from 1 to 31 only', () => {
    expect(['1', ' 15 ', '31'].map(parseDueDay)).toEqual([1, 15, 31]);
    expect(['', '0', '32', '1.5', 'x', '-1'].map(parseDueDay)).toEqual(Array(6).fill(null));
  });

  const form: SeriesForm = {
    title: '  Báo cáo tình hình tháng  ',
    deliverableType: 'bao_cao',
    field: 'economy',
    leadAgencyId: 'lead',
    coordinatingAgencyIds: [],
    frequency: 'quarter',
    dueDay: '31',
    startsOn: '2026-01-01',
    endsOn: '',
  };

  it('builds the create request, leaving out what is empty', () => {
    expect(seriesRequest(form)).toEqual({
      title: 'Báo cáo tình hình tháng',
      deliverableType: 'bao_cao',
      field: 'economy',
      leadAgencyId: 'lead',
      frequency: 'quarter',
      dueDay: 31,
      startsOn: '2026-01-01',
    });
    expect(
      seriesRequest({ ...form, coordinatingAgencyIds: ['a', 'lead', 'a', 'b'], endsOn: '2026-12-31' }),
    ).toMatchObject({ coordinatingAgencyIds: ['a', 'b'], endsOn: '2026-12-31' });
  });

  it('refuses an incomplete form', () => {
    expect(seriesRequest({ ...form, title: ' ' })).toBeNull();
    expect(seriesRequest({ ...form, leadAgencyId: '' })).toBeNull();
    expect(seriesRequest({ ...form, dueDay: '32' })).toBeNull();
    expect(seriesRequest({ ...form, startsOn: '' })).toBeNull();
    expect(seriesRequest({ ...form, endsOn: '2025-12-31' })).toBeNull();
  });

  it('builds the carry-forward request, for monthly programs only', () => {
    expect(
      carryForwardRequest({ number: ' 12-CTr/TU ', title: ' Chương trình tháng 12 ', issuedOn: '2026-12-01' }),
    ).toEqual({ number: '12-CTr/TU', title: 'Chương trình tháng 12', issuedOn: '2026-12-01' });
    expect(carryForwardRequest({ number: '', title: 'x', issuedOn: '2026-12-01' })).toBeNull();
    expect(mayCarryForward({ kind: 'monthly_program' })).toBe(true);
    expect(mayCarryForward({ kind: 'plan' })).toBe(false);
    expect(mayCarryForward(undefined)).toBe(false);
  });
});
