import i18next from 'i18next';
import { dashboardEn, dashboardVi } from './dashboard.i18n';
import { excludedNote } from './excluded-note';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'en',
    resources: { vi: { translation: { dashboard: dashboardVi } }, en: { translation: { dashboard: dashboardEn } } },
    interpolation: { escapeValue: false },
  });
});

const num = (n: number) => n.toLocaleString('vi-VN');

describe('excludedNote', () => {
  it('speaks English plurals by count', () => {
    const t = i18n.getFixedT('en');
    expect(excludedNote(t, { drafted: 1, cancelled: 1 }, num)).toBe(
      'Not counting 1 unassigned draft and 1 cancelled task',
    );
    expect(excludedNote(t, { drafted: 2, cancelled: 3 }, num)).toBe(
      'Not counting 2 unassigned drafts and 3 cancelled tasks',
    );
  });

  it('leaves out a part with nothing in it, and says nothing when both are empty', () => {
    expect(excludedNote(i18n.getFixedT('en'), { drafted: 0, cancelled: 1 }, num)).toBe('Not counting 1 cancelled task');
    expect(excludedNote(i18n.getFixedT('vi'), { drafted: 4, cancelled: 0 }, num)).toBe(
      'Không tính 4 dự thảo chưa giao',
    );
    expect(excludedNote(i18n.getFixedT('vi'), { drafted: 0, cancelled: 0 }, num)).toBeNull();
  });

  it('writes Vietnamese with its own separator and thousands', () => {
    expect(excludedNote(i18n.getFixedT('vi'), { drafted: 1200, cancelled: 1 }, num)).toBe(
      'Không tính 1.200 dự thảo chưa giao và 1 nhiệm vụ đã hủy',
    );
  });
});
