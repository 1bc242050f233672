import { sameNumber } from './import-model';

describe('sameNumber', () => {
  it('ignores spaces and case, as the registry does', () => {
    expect(sameNumber('28-KL/TU', ' 28-kl/tu ')).toBe(true);
    expect(sameNumber('07-CTr/TU', '07 - CTr / TU')).toBe(true);
    expect(sameNumber('28-KL/TU', '29-KL/TU')).toBe(false);
  });
});
