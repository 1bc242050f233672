import { displayDate, parseDisplayDate } from './date-text';

describe('dates typed as dd/mm/yyyy', () => {
  it('reads day first, whatever the browser’s language', () => {
    expect(parseDisplayDate('31/03/2031')).toBe('2031-03-31');
    expect(parseDisplayDate(' 1/2/2030 ')).toBe('2030-02-01');
    expect(parseDisplayDate('03/31/2031')).toBeNull();
  });

  it('refuses dates that do not exist or fall outside 1990–2100', () => {
    expect(parseDisplayDate('29/02/2031')).toBeNull();
    expect(parseDisplayDate('29/02/2032')).toBe('2032-02-29');
    expect(parseDisplayDate('01/01/0001')).toBeNull();
    expect(parseDisplayDate('31/12/9999')).toBeNull();
    expect(parseDisplayDate('2031-03-31')).toBeNull();
  });

  it('shows an ISO date as dd/mm/yyyy', () => {
    expect(displayDate('2031-03-31')).toBe('31/03/2031');
    expect(displayDate(null)).toBe('');
  });
});
