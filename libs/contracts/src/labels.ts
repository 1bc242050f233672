import type { DELIVERABLE_TYPE_VALUES, FIELD_VALUES } from './schemas.js';

export interface Label {
  vi: string;
  en: string;
}

/** One wording for the API's documents and the web app's screens (lifecycle labels live in libs/workflow). */
export const DELIVERABLE_TYPE_LABELS: Readonly<Record<(typeof DELIVERABLE_TYPE_VALUES)[number], Label>> = Object.freeze(
  {
    de_an: { vi: 'Đề án', en: 'Scheme' },
    chuong_trinh: { vi: 'Chương trình', en: 'Programme' },
    ke_hoach: { vi: 'Kế hoạch', en: 'Plan' },
    quy_dinh: { vi: 'Quy định', en: 'Regulation' },
    danh_muc: { vi: 'Danh mục', en: 'List' },
    nghi_quyet: { vi: 'Nghị quyết chuyên đề', en: 'Thematic resolution' },
    so_ket: { vi: 'Sơ kết', en: 'Interim review' },
    tong_ket: { vi: 'Tổng kết', en: 'Final review' },
    bao_cao: { vi: 'Báo cáo', en: 'Report' },
    khac: { vi: 'Khác', en: 'Other' },
  },
);

export const FIELD_LABELS: Readonly<Record<(typeof FIELD_VALUES)[number], Label>> = Object.freeze({
  party_building: { vi: 'Xây dựng Đảng', en: 'Party building' },
  economy: { vi: 'Kinh tế', en: 'Economy' },
  culture_society: { vi: 'Văn hóa - xã hội', en: 'Culture and society' },
  defense_security: { vi: 'Quốc phòng - an ninh', en: 'Defence and security' },
});
