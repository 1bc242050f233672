import { formatDate, formatDateTime } from './format';

describe('formatDate', () => {
  it('writes a calendar date as dd/mm/yyyy without passing it through a time zone', () => {
    expect(formatDate('2021-06-30')).toBe('30/06/2021');
    expect(formatDate('2021-01-01')).toBe('01/01/2021');
    expect(formatDate('2024-02-29')).toBe('29/02/2024');
  });

  it('gives an instant the day it is in Asia/Ho_Chi_Minh (UTC+7), not in UTC or the machine zone', () => {
    // 17:00 UTC is local midnight: the first instant of the next day in Việt Nam.
    expect(formatDate('2021-06-30T17:00:00.000Z')).toBe('01/07/2021');
    expect(formatDate('2021-06-30T16:59:59.999Z')).toBe('30/06/2021');
    expect(formatDate('2021-12-31T17:00:00Z')).toBe('01/01/2022');
    expect(formatDate('2021-07-01T00:30:00+07:00')).toBe('01/07/2021');
  });

  it('shows nothing for a missing or unreadable value', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('ngày mai')).toBe('');
    expect(formatDate('2021-13-45T00:00:00Z')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('writes dd/mm/yyyy hh:mm on a 24-hour clock in Asia/Ho_Chi_Minh', () => {
    expect(formatDateTime('2021-06-30T07:05:00Z')).toBe('30/06/2021 14:05');
    expect(formatDateTime('2021-06-30T16:59:00Z')).toBe('30/06/2021 23:59');
  });

  it('shows local midnight as 00:00 of the new day, never 24:00 of the old one', () => {
    expect(formatDateTime('2021-06-30T17:00:00Z')).toBe('01/07/2021 00:00');
    expect(formatDateTime('2021-12-31T17:00:00Z')).toBe('01/01/2022 00:00');
  });

  it('shows nothing for a missing or unreadable value', () => {
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('hôm qua')).toBe('');
  });
});
