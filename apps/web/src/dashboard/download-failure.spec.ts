import i18next from 'i18next';
import { dashboardEn, dashboardVi } from './dashboard.i18n';
import { downloadFailure } from './download-failure';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'vi',
    resources: { vi: { translation: { dashboard: dashboardVi } }, en: { translation: { dashboard: dashboardEn } } },
    interpolation: { escapeValue: false },
  });
});

/** An API refusal as api-client's ApiError carries it. */
const refusal = (code: string, message: string) => Object.assign(new Error(message), { status: 409, code });

describe('downloadFailure', () => {
  it('says "nothing to urge" as information, in Vietnamese and in English', async () => {
    const e = refusal('NOTHING_TO_URGE', 'Không có cơ quan nào có nhiệm vụ quá hạn');
    expect(downloadFailure(e, i18n.t)).toEqual({
      kind: 'info',
      text: 'Không có cơ quan nào có nhiệm vụ quá hạn, nên không có công văn đôn đốc nào để tạo.',
    });
    await i18n.changeLanguage('en');
    expect(downloadFailure(e, i18n.t)).toEqual({
      kind: 'info',
      text: 'No agency has overdue tasks, so there is no urging letter to make.',
    });
    await i18n.changeLanguage('vi');
  });

  it('says any other refusal as an error with its message', () => {
    expect(downloadFailure(refusal('INTERNAL_ERROR', 'Lỗi máy chủ.'), i18n.t)).toEqual({
      kind: 'error',
      text: 'Không tạo được tệp: Lỗi máy chủ. Vui lòng thử lại.',
    });
    expect(downloadFailure(new Error('Failed to fetch'), i18n.t).kind).toBe('error');
  });
});
