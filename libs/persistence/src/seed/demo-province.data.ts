/**
 * Demo-province seed data, taken from the fixtures in `shared/fixtures/directives/`:
 *
 * - `kien-giang-07-CTr-TU-action-program-2021.txt`: Chương trình hành động số 07-CTr/TU (Tỉnh ủy Kiên Giang),
 *   whose catalog table ("DANH MỤC CÁC CHƯƠNG TRÌNH, ĐỀ ÁN, KẾ HOẠCH, QUY ĐỊNH") gives the 27 tasks below;
 * - `kien-giang-monthly-program-2021-04.txt`: the Standing Committee's program for April 2021 (4 numbered items);
 * - `provincial-conclusion-28-KL-TU-q4-2020-news.txt`: a news item about Kết luận số 28-KL/TU (15 numbered items).
 *
 * Pure data, no I/O. Texts are cleaned of OCR noise and HTML, NFC-normalised, and use the modern tone placement
 * (`Ủy`, `hóa`), as the rest of the interface does.
 */

export type AgencyKind =
  | 'party_committee_board'
  | 'party_delegation'
  | 'party_committee'
  | 'district_committee'
  | 'office'
  | 'school'
  | 'other';

export interface SeedAgency {
  /** Short lowercase ASCII kebab-case slug; also the agency's demo login username. */
  code: string;
  name: string;
  shortName?: string;
  kind: AgencyKind;
}

export type DirectiveKind = 'action_program' | 'conclusion' | 'monthly_program' | 'resolution' | 'plan' | 'other';

export type TaskField = 'party_building' | 'economy' | 'culture_society' | 'defense_security';

export type DeliverableType =
  | 'de_an'
  | 'chuong_trinh'
  | 'ke_hoach'
  | 'quy_dinh'
  | 'danh_muc'
  | 'nghi_quyet'
  | 'so_ket'
  | 'tong_ket'
  | 'bao_cao'
  | 'khac';

export interface SeedDirective {
  key: string;
  number: string;
  kind: DirectiveKind;
  title: string;
  /** YYYY-MM-DD */
  issuedOn: string;
  issuer: string;
  signer: string | null;
  place: string | null;
  /** File name under `shared/fixtures/directives/`. */
  sourceFile: string;
}

export interface SeedTask {
  directiveKey: string;
  code: string;
  title: string;
  description: string;
  deliverableType: DeliverableType;
  field: TaskField;
  leadAgencyCode: string | null;
  coordinatingAgencyCodes: string[];
  /** The deadline as the directive words it. */
  deadlineText: string;
  /** YYYY-MM-DD, the last day of the period named by `deadlineText`. */
  dueDate: string;
  /** Intermediate YYYY-MM-DD checkpoints, e.g. the end of quý I for "quý I và quý II-2021". */
  milestones?: string[];
}

/** The demo's top organisation: the committee that issued the fixtures' directives. */
export const DEMO_PROVINCE_NAME = 'Tỉnh ủy Kiên Giang';

// ---------------------------------------------------------------------------------------------------------------
// Agencies
// ---------------------------------------------------------------------------------------------------------------

export const DEMO_AGENCIES: SeedAgency[] = [
  // Named as lead or coordinating agencies in 07-CTr/TU (catalog and section III).
  {
    code: 'bcsd-ubnd',
    name: 'Ban cán sự đảng Ủy ban nhân dân tỉnh',
    shortName: 'Ban cán sự đảng UBND tỉnh',
    kind: 'party_delegation',
  },
  {
    code: 'ban-tuyen-giao',
    name: 'Ban Tuyên giáo Tỉnh ủy',
    shortName: 'Ban Tuyên giáo',
    kind: 'party_committee_board',
  },
  {
    code: 'ban-to-chuc',
    name: 'Ban Tổ chức Tỉnh ủy',
    shortName: 'Ban Tổ chức',
    kind: 'party_committee_board',
  },
  {
    code: 'ubkt',
    name: 'Ủy ban Kiểm tra Tỉnh ủy',
    shortName: 'UBKT Tỉnh ủy',
    kind: 'party_committee_board',
  },
  {
    code: 'ban-noi-chinh',
    name: 'Ban Nội chính Tỉnh ủy',
    shortName: 'Ban Nội chính',
    kind: 'party_committee_board',
  },
  {
    code: 'ban-dan-van',
    name: 'Ban Dân vận Tỉnh ủy',
    shortName: 'Ban Dân vận',
    kind: 'party_committee_board',
  },
  {
    code: 'truong-chinh-tri',
    name: 'Trường Chính trị tỉnh',
    shortName: 'Trường Chính trị',
    kind: 'school',
  },
  {
    code: 'dang-uy-quan-su',
    name: 'Đảng ủy Quân sự tỉnh',
    shortName: 'Đảng ủy Quân sự',
    kind: 'party_committee',
  },
  {
    code: 'dang-uy-bien-phong',
    name: 'Đảng ủy Bộ đội Biên phòng tỉnh',
    shortName: 'Đảng ủy Biên phòng',
    kind: 'party_committee',
  },
  {
    code: 'dang-uy-cong-an',
    name: 'Đảng ủy Công an tỉnh',
    shortName: 'Đảng ủy Công an',
    kind: 'party_committee',
  },
  {
    code: 'dang-doan-hdnd',
    name: 'Đảng đoàn Hội đồng nhân dân tỉnh',
    shortName: 'Đảng đoàn HĐND tỉnh',
    kind: 'party_delegation',
  },
  {
    code: 'van-phong',
    name: 'Văn phòng Tỉnh ủy',
    shortName: 'Văn phòng Tỉnh ủy',
    kind: 'office',
  },

  // Not named as lead or coordinator in the fixtures, but part of every provincial Party organisation
  // ("Các huyện, thành ủy, ĐUTT" in the distribution lists); they give the demo a realistic set of accounts.
  {
    code: 'dang-doan-mttq',
    name: 'Đảng đoàn Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh',
    shortName: 'Đảng đoàn MTTQ tỉnh',
    kind: 'party_delegation',
  },
  {
    code: 'dang-uy-khoi-co-quan',
    name: 'Đảng ủy Khối các cơ quan tỉnh',
    shortName: 'Đảng ủy Khối cơ quan',
    kind: 'party_committee',
  },
  {
    code: 'dang-uy-khoi-doanh-nghiep',
    name: 'Đảng ủy Khối Doanh nghiệp tỉnh',
    shortName: 'Đảng ủy Khối Doanh nghiệp',
    kind: 'party_committee',
  },

  // City and district committees of Kiên Giang; all are places named in the 07-CTr/TU text
  // (the "đô thị động lực" of row 17) or in the April 2021 program.
  {
    code: 'thanh-uy-rach-gia',
    name: 'Thành ủy Rạch Giá',
    kind: 'district_committee',
  },
  {
    code: 'thanh-uy-phu-quoc',
    name: 'Thành ủy Phú Quốc',
    kind: 'district_committee',
  },
  {
    code: 'thanh-uy-ha-tien',
    name: 'Thành ủy Hà Tiên',
    kind: 'district_committee',
  },
  {
    code: 'huyen-uy-kien-luong',
    name: 'Huyện ủy Kiên Lương',
    kind: 'district_committee',
  },
  {
    code: 'huyen-uy-giong-rieng',
    name: 'Huyện ủy Giồng Riềng',
    kind: 'district_committee',
  },
  {
    code: 'huyen-uy-go-quao',
    name: 'Huyện ủy Gò Quao',
    kind: 'district_committee',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Directives
// ---------------------------------------------------------------------------------------------------------------

export const DEMO_DIRECTIVES: SeedDirective[] = [
  {
    key: '07-CTr/TU',
    number: '07-CTr/TU',
    kind: 'action_program',
    title:
      'Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh ' +
      'lần thứ XI, nhiệm kỳ 2020-2025',
    // The date comes from the catalog heading: "Chương trình hành động số 07-CTr/TU, ngày 02-4-2021 của Tỉnh ủy".
    issuedOn: '2021-04-02',
    issuer: 'Tỉnh ủy Kiên Giang',
    // "T/M TỈNH ỦY / BÍ THƯ / Đỗ Thanh Bình"
    signer: 'Đỗ Thanh Bình',
    // The fixture has no "địa danh, ngày ..." header line (the Tỉnh ủy sits in Rạch Giá, but the text does not say).
    place: null,
    sourceFile: 'kien-giang-07-CTr-TU-action-program-2021.txt',
  },
  {
    key: 'CTr-T4/2021',
    // The fixture gives no document number, and no date of issue. "CTr-T4/2021" is a placeholder label chosen
    // for the demo (it is not an official number), and issuedOn is set to the first day of the month the
    // program governs.
    number: 'CTr-T4/2021',
    kind: 'monthly_program',
    title: 'Chương trình chỉ đạo tháng 4-2021 của Ban Thường vụ Tỉnh ủy',
    issuedOn: '2021-04-01',
    issuer: 'Ban Thường vụ Tỉnh ủy Kiên Giang',
    // "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ THƯỜNG TRỰC / Mai Văn Huỳnh"
    signer: 'Mai Văn Huỳnh',
    place: null,
    sourceFile: 'kien-giang-monthly-program-2021-04.txt',
  },
  {
    key: '28-KL/TU',
    number: '28-KL/TU',
    kind: 'conclusion',
    title:
      'Kết luận Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ hai mươi mốt (khóa XI) về công tác 9 tháng, ' +
      'triển khai nhiệm vụ 3 tháng cuối năm 2020',
    // "Ngày 06/10/2020, Tỉnh ủy ban hành Văn bản số 28-KL/TU ..." (the conference itself was on 29/9/2020).
    issuedOn: '2020-10-06',
    // The source is a news item that does not name the province. It is not Kiên Giang's: it prepares the
    // "Đại hội đại biểu Đảng bộ tỉnh lần thứ XII" in late 2020, whereas Kiên Giang held its XI-th congress then.
    // The issuer is therefore given without a province name. No signer or place is stated.
    issuer: 'Tỉnh ủy',
    signer: null,
    place: null,
    sourceFile: 'provincial-conclusion-28-KL-TU-q4-2020-news.txt',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Tasks of 07-CTr/TU: the 27 rows of the catalog table, in order.
// Deadline texts are the "Thời gian thực hiện" cells verbatim; descriptions are the "Tên đề án, chương trình,
// kế hoạch" cells, cleaned. deliverableType is the kind of the first deliverable the cell names.
// ---------------------------------------------------------------------------------------------------------------

const CTR07 = '07-CTr/TU';

const TASKS_07_CTR_TU: SeedTask[] = [
  // --- 1. Ba khâu đột phá -------------------------------------------------------------------------------------
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-01',
    title:
      'Đề án nâng cao chất lượng, hiệu quả công tác cải cách hành chính tỉnh Kiên Giang theo chương trình ' +
      'cải cách hành chính của Chính phủ',
    description:
      'Đề án nâng cao chất lượng, hiệu quả công tác cải cách hành chính tỉnh Kiên Giang theo chương trình ' +
      'cải cách hành chính của Chính phủ.',
    deliverableType: 'de_an',
    // Khâu đột phá (1): reform of the administrative apparatus, i.e. building the political system.
    field: 'party_building',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-02',
    title:
      'Tổng kết Đề án phát triển nguồn nhân lực tỉnh Kiên Giang đến 2020; xây dựng Đề án nguồn nhân lực ' +
      'giai đoạn 2021-2030 và tầm nhìn đến 2050',
    description:
      'Tổng kết Đề án về phát triển nguồn nhân lực tỉnh Kiên Giang đến 2020, trên cơ sở đó xây dựng Đề án mới ' +
      'về nguồn nhân lực tỉnh Kiên Giang giai đoạn 2021-2030 và tầm nhìn đến 2050.',
    deliverableType: 'tong_ket',
    // Khâu đột phá (2): human resources, listed with education and training under văn hóa - xã hội.
    field: 'culture_society',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-03',
    title:
      'Kế hoạch xác định nguồn vốn đầu tư và phân kỳ đầu tư các công trình, dự án kết cấu hạ tầng ' +
      'nêu trong văn kiện Đại hội XI Đảng bộ tỉnh',
    description:
      'Kế hoạch xác định rõ các nguồn vốn đầu tư cho từng công trình, dự án; phân kỳ đầu tư đối với từng công ' +
      'trình đã đề cập trong văn kiện Đại hội XI Đảng bộ tỉnh với thời gian cụ thể, đi đôi với đẩy mạnh kêu gọi ' +
      'thu hút đầu tư các công trình kết cấu hạ tầng trọng điểm thúc đẩy sự phát triển của tỉnh.',
    deliverableType: 'ke_hoach',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },

  // --- 2. Xây dựng Đảng -----------------------------------------------------------------------------------------
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-04',
    title:
      'Kế hoạch triển khai, quán triệt Nghị quyết Đại hội XI Đảng bộ tỉnh; sơ kết Chỉ thị số 05-CT/TW ' +
      'của Bộ Chính trị',
    description:
      'Kế hoạch để triển khai, quán triệt Nghị quyết Đại hội XI Đảng bộ tỉnh sau khi cụ thể hóa. Sơ kết Chỉ thị ' +
      'số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.',
    deliverableType: 'ke_hoach',
    field: 'party_building',
    leadAgencyCode: 'ban-tuyen-giao',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý I và quý II-2021',
    dueDate: '2021-06-30',
    milestones: ['2021-03-31'],
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-05',
    title: 'Quy định về trách nhiệm nêu gương của cán bộ, đảng viên, nhất là người đứng đầu các cấp',
    description: 'Quy định về trách nhiệm nêu gương của cán bộ, đảng viên, nhất là người đứng đầu các cấp.',
    deliverableType: 'quy_dinh',
    field: 'party_building',
    leadAgencyCode: 'ban-tuyen-giao',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-06',
    title: 'Đề án phát triển tổng thể Trường Chính trị tỉnh đến năm 2025, tầm nhìn 2035 và những năm tiếp theo',
    description: 'Đề án phát triển tổng thể Trường Chính trị tỉnh đến năm 2025, tầm nhìn 2035 và những năm tiếp theo.',
    deliverableType: 'de_an',
    field: 'party_building',
    // Catalog: "Trường Chính trị tỉnh chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy và các cơ quan liên tỉnh"
    // ("liên tỉnh" is a typo for "liên quan", as in the body text).
    leadAgencyCode: 'truong-chinh-tri',
    coordinatingAgencyCodes: ['ban-to-chuc'],
    deadlineText: 'Hoàn thành trong quý III-2021',
    dueDate: '2021-09-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-07',
    title:
      'Đề án xây dựng đội ngũ cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý; Kế hoạch nâng cao chất lượng ' +
      'sinh hoạt cấp ủy, chi bộ',
    description:
      'Đề án xây dựng đội ngũ cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý đảm bảo phẩm chất, năng lực, ' +
      'ngang tầm nhiệm vụ. Kế hoạch nâng cao chất lượng sinh hoạt cấp ủy, chi bộ trong các tổ chức đảng cơ quan ' +
      'hành chính, đơn vị sự nghiệp và doanh nghiệp.',
    deliverableType: 'de_an',
    field: 'party_building',
    // Catalog: "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy và các cơ quan liên quan": an agency
    // cannot coordinate with itself, and the body text reads "phối hợp các cơ quan liên quan", so none is listed.
    leadAgencyCode: 'ban-to-chuc',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành chậm nhất trong quý IV-2021',
    dueDate: '2021-12-31',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-08',
    title: 'Chương trình kiểm tra, giám sát của Ban Chấp hành Đảng bộ tỉnh khóa XI, nhiệm kỳ 2020-2025',
    description: 'Chương trình kiểm tra, giám sát của Ban Chấp hành Đảng bộ tỉnh khóa XI, nhiệm kỳ 2020-2025.',
    deliverableType: 'chuong_trinh',
    field: 'party_building',
    // Catalog: "... chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy và các cơ quan liên quan" (the body names none).
    leadAgencyCode: 'ubkt',
    coordinatingAgencyCodes: ['ban-to-chuc'],
    deadlineText: 'Hoàn thành trong quý I-2021',
    dueDate: '2021-03-31',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-09',
    title: 'Kế hoạch chỉ đạo thực hiện các giải pháp phòng ngừa tham nhũng, lãng phí trên địa bàn tỉnh Kiên Giang',
    description:
      'Kế hoạch chỉ đạo thực hiện các giải pháp phòng ngừa tham nhũng, lãng phí trên địa bàn tỉnh Kiên Giang.',
    deliverableType: 'ke_hoach',
    field: 'party_building',
    leadAgencyCode: 'ban-noi-chinh',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-10',
    title:
      'Chương trình hành động thực hiện Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội XI Đảng bộ tỉnh ' +
      'về công tác dân vận',
    description:
      'Chương trình hành động thực hiện Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội XI Đảng bộ tỉnh, ' +
      'nhiệm kỳ 2020-2025 về công tác dân vận. Tập trung nghiên cứu, có giải pháp nâng cao hiệu quả công tác dân ' +
      'vận của hệ thống chính trị phục vụ việc triển khai các chủ trương, chính sách phát triển kinh tế-xã hội, ' +
      'nhất là phục vụ công tác đền bù, giải phóng mặt bằng triển khai thực hiện dự án.',
    deliverableType: 'chuong_trinh',
    field: 'party_building',
    leadAgencyCode: 'ban-dan-van',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },

  // --- 3. Kinh tế -----------------------------------------------------------------------------------------------
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-11',
    title:
      'Đề án khai thác, phát huy tối đa các tiềm năng, lợi thế sẵn có để đẩy mạnh phát triển kinh tế-xã hội ' +
      'của tỉnh',
    description:
      'Đề án khai thác, phát huy tối đa các tiềm năng, lợi thế sẵn có, nhất là về đất đai, tài nguyên-khoáng sản, ' +
      'cảnh quan thiên nhiên, các di tích, danh thắng, giá trị văn hóa truyền thống để đẩy mạnh phát triển kinh ' +
      'tế-xã hội của tỉnh.',
    deliverableType: 'de_an',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý III-2021',
    dueDate: '2021-09-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-12',
    title: 'Đề án phát triển ngành nông nghiệp ứng dụng công nghệ cao',
    description: 'Đề án phát triển ngành nông nghiệp ứng dụng công nghệ cao.',
    deliverableType: 'de_an',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý IV-2021',
    dueDate: '2021-12-31',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-13',
    title: 'Chương trình sản phẩm quốc gia, sản phẩm của tỉnh, mỗi xã một sản phẩm theo Quyết định số 157/QĐ-TTg',
    description:
      'Chương trình sản phẩm quốc gia, sản phẩm của tỉnh, mỗi xã một sản phẩm theo Quyết định số 157/QĐ-TTg, ' +
      'ngày 01-02-2021 của Thủ tướng Chính phủ.',
    deliverableType: 'chuong_trinh',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-14',
    title:
      'Sơ kết Chương trình hành động số 47-CTr/TU thực hiện Nghị quyết số 36-NQ/TW về chiến lược phát triển ' +
      'bền vững kinh tế biển',
    description:
      'Sơ kết Chương trình hành động số 47-CTr/TU, ngày 21-02-2019 của Tỉnh ủy thực hiện Nghị quyết số 36-NQ/TW ' +
      'của Ban Chấp hành Trung ương khóa XII về chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm ' +
      '2030, tầm nhìn đến năm 2045; trên cơ sở đó đề xuất chủ trương tiếp tục lãnh đạo, chỉ đạo trong thời gian ' +
      'tới. Đồng thời triển khai thực hiện Đề án phát triển nuôi biển theo hướng bền vững trên địa bàn tỉnh Kiên ' +
      'Giang đến năm 2030.',
    deliverableType: 'so_ket',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-15',
    title: 'Chương trình về phát triển công nghiệp của tỉnh Kiên Giang giai đoạn 2021-2025, định hướng đến năm 2030',
    description:
      'Chương trình về phát triển công nghiệp của tỉnh Kiên Giang giai đoạn 2021-2025, định hướng đến năm 2030.',
    deliverableType: 'chuong_trinh',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý III-2021',
    dueDate: '2021-09-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-16',
    title:
      'Sơ kết Nghị quyết của Tỉnh ủy về phát triển du lịch; Đề án phát triển các sản phẩm ngành nghề truyền thống ' +
      'gắn với du lịch',
    description:
      'Sơ kết Nghị quyết của Tỉnh ủy về phát triển du lịch của tỉnh đến 2025 và định hướng đến năm 2030; trên cơ ' +
      'sở đó đề xuất chủ trương tiếp tục lãnh đạo, chỉ đạo trong thời gian tới. Xây dựng Đề án phát triển các ' +
      'sản phẩm ngành nghề truyền thống gắn với du lịch.',
    deliverableType: 'so_ket',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-17',
    title:
      'Sơ kết Chương trình phát triển đô thị toàn tỉnh Kiên Giang giai đoạn đến năm 2025 ' +
      '(Quyết định số 988/QĐ-UBND)',
    description:
      'Sơ kết Chương trình của Ủy ban nhân dân tỉnh về phát triển đô thị toàn tỉnh Kiên Giang giai đoạn đến năm ' +
      '2025 (theo Quyết định số 988/QĐ-UBND, ngày 28-4-2017 của Ủy ban nhân dân tỉnh); trên cơ sở đó đề xuất chủ ' +
      'trương lãnh đạo, chỉ đạo đẩy nhanh tiến độ xây dựng phát triển các đô thị động lực: Rạch Giá, Phú Quốc, ' +
      'Hà Tiên, Kiên Lương, An Biên, Giồng Riềng.',
    deliverableType: 'so_ket',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-18',
    title: 'Danh mục các dự án trọng điểm kêu gọi đầu tư giai đoạn 2021-2025',
    description: 'Danh mục các dự án trọng điểm kêu gọi đầu tư giai đoạn 2021-2025.',
    deliverableType: 'danh_muc',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-19',
    title: 'Đề án cơ chế chính sách đặc thù phát triển đảo Phú Quốc',
    description: 'Đề án cơ chế chính sách đặc thù phát triển đảo Phú Quốc.',
    deliverableType: 'de_an',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý III-2021',
    dueDate: '2021-09-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-20',
    title: 'Đề án xã hội hóa về bảo vệ môi trường trên địa bàn tỉnh đến năm 2025',
    description: 'Đề án xã hội hóa về bảo vệ môi trường trên địa bàn tỉnh đến năm 2025.',
    deliverableType: 'de_an',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý III-2021',
    dueDate: '2021-09-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-21',
    title:
      'Đề án tăng cường quản lý, xử lý rác thải, nước thải ở các đô thị, khu dân cư; Danh mục các dự án kêu gọi ' +
      'đầu tư ứng phó với biến đổi khí hậu',
    // The cell is an HTML list of two items; kept as two lines.
    description:
      '- Đề án tăng cường quản lý, xử lý rác thải, nước thải ở các đô thị, khu dân cư giai đoạn 2021-2025 và ' +
      'những năm tiếp theo.\n' +
      '- Xây dựng Danh mục các dự án kêu gọi đầu tư nhằm thực hiện kế hoạch ứng phó với biến đổi khí hậu, phòng ' +
      'chống thiên tai, sạt lở bờ biển, bờ sông, giai đoạn 2021-2025.',
    deliverableType: 'de_an',
    field: 'economy',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý IV-2021',
    dueDate: '2021-12-31',
  },

  // --- 4. Văn hóa, xã hội ---------------------------------------------------------------------------------------
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-22',
    title:
      'Tổng kết Đề án xây dựng trường đạt chuẩn quốc gia, trường trọng điểm, trường chuyên biệt và Đề án nâng ' +
      'cao chất lượng đội ngũ nhà giáo giai đoạn 2016-2020',
    description:
      'Tổng kết Đề án của Ủy ban nhân dân tỉnh về xây dựng trường đạt chuẩn quốc gia, trường trọng điểm, trường ' +
      'chuyên biệt trên địa bàn tỉnh và Đề án về xây dựng, nâng cao chất lượng đội ngũ nhà giáo của tỉnh Kiên ' +
      'Giang, giai đoạn 2016-2020; từ đó đề ra giải pháp thực hiện cho giai đoạn tiếp theo.',
    deliverableType: 'tong_ket',
    field: 'culture_society',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý III-2021',
    dueDate: '2021-09-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-23',
    title: 'Đề án về phát triển các thiết chế văn hóa trên địa bàn tỉnh giai đoạn 2021-2025 và định hướng đến năm 2030',
    description:
      'Đề án về phát triển các thiết chế văn hóa trên địa bàn tỉnh giai đoạn 2021-2025 và định hướng đến năm 2030.',
    deliverableType: 'de_an',
    field: 'culture_society',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý III-2021',
    dueDate: '2021-09-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-24',
    title:
      'Sơ kết Chương trình hành động số 33-CTr/TU thực hiện Nghị quyết số 20-NQ/TW; Kế hoạch thực hiện Chương ' +
      'trình mục tiêu quốc gia giảm nghèo',
    description:
      'Sơ kết Chương trình hành động số 33-CTr/TU, ngày 29-12-2017 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết ' +
      'số 20-NQ/TW, ngày 25-10-2017 của Ban Chấp hành Trung ương khóa XII về tăng cường công tác bảo vệ, chăm sóc ' +
      'và nâng cao sức khỏe nhân dân trong tình hình mới; chỉ đạo Ủy ban nhân dân tỉnh xây dựng Kế hoạch thực ' +
      'hiện Chương trình mục tiêu quốc gia giảm nghèo của tỉnh Kiên Giang giai đoạn 2021-2026.',
    deliverableType: 'so_ket',
    field: 'culture_society',
    leadAgencyCode: 'bcsd-ubnd',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý III-2021',
    dueDate: '2021-09-30',
  },

  // --- 5. Quốc phòng, an ninh -----------------------------------------------------------------------------------
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-25',
    title: 'Kế hoạch xây dựng hải đội dân quân thường trực; Đề án xây dựng khu vực phòng thủ theo Kết luận số 64-KL/TW',
    description:
      'Kế hoạch thực hiện Đề án của Bộ Quốc phòng về xây dựng hải đội dân quân thường trực tham gia bảo vệ chủ ' +
      'quyền biển, đảo trong tình hình mới; Đề án xây dựng khu vực phòng thủ theo Kết luận số 64-KL/TW, ngày ' +
      '30-10-2019 của Bộ Chính trị về đẩy mạnh thực hiện Nghị quyết số 28-NQ/TW, ngày 22-8-2009 của Bộ Chính trị.',
    deliverableType: 'ke_hoach',
    field: 'defense_security',
    // "Ban Thường vụ Đảng ủy Quân sự tỉnh chủ trì"
    leadAgencyCode: 'dang-uy-quan-su',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-26',
    title:
      'Đề án bảo đảm an ninh trật tự khu vực biên giới, củng cố quốc phòng an ninh giai đoạn 2021-2025 ' +
      'và những năm tiếp theo',
    description:
      'Đề án bảo đảm an ninh trật tự khu vực biên giới, củng cố quốc phòng an ninh góp phần phát triển kinh ' +
      'tế-xã hội của tỉnh giai đoạn 2021-2025 và những năm tiếp theo.',
    deliverableType: 'de_an',
    field: 'defense_security',
    // "Ban Thường vụ Đảng ủy Bộ đội Biên phòng tỉnh chủ trì"
    leadAgencyCode: 'dang-uy-bien-phong',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
  {
    directiveKey: CTR07,
    code: '07-CTr/TU-27',
    title: 'Nghị quyết chuyên đề về đấu tranh phòng chống tội phạm và giải quyết tệ nạn xã hội trên địa bàn tỉnh',
    description:
      'Nghị quyết chuyên đề về đấu tranh phòng chống tội phạm và giải quyết tệ nạn xã hội trên địa bàn tỉnh.',
    deliverableType: 'nghi_quyet',
    field: 'defense_security',
    // "Ban Thường vụ Đảng ủy Công an tỉnh chủ trì"
    leadAgencyCode: 'dang-uy-cong-an',
    coordinatingAgencyCodes: [],
    deadlineText: 'Hoàn thành trong quý II-2021',
    dueDate: '2021-06-30',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Tasks of the April 2021 monthly program: its four numbered items. No lead agency is named for any of them.
// ---------------------------------------------------------------------------------------------------------------

const CTR_T4 = 'CTr-T4/2021';
const T4_DEADLINE = 'Trong tháng 4-2021';
const T4_DUE = '2021-04-30';

const TASKS_CTR_T4_2021: SeedTask[] = [
  {
    directiveKey: CTR_T4,
    code: 'CTr-T4/2021-01',
    title:
      'Chuẩn bị bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp; quán triệt nghị quyết ' +
      'đại hội; xây dựng Đảng, dân vận, công tác tôn giáo',
    description:
      'Chỉ đạo tốt công tác chuẩn bị bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp ' +
      'nhiệm kỳ 2021-2026, nhất là lãnh đạo tốt công tác nhân sự, hiệp thương lần III, lập danh sách chính thức ' +
      'các ứng cử viên đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp. Tiếp tục triển khai, quán triệt ' +
      'thực hiện Nghị quyết Đại hội XIII của Đảng và Nghị quyết Đại hội XI Đảng bộ tỉnh. Sơ kết quý I-2021 của ' +
      'cấp ủy và các cấp, các ngành; sơ kết 05 năm thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII về ' +
      'đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, gắn với triển khai thực hiện ' +
      'Chuyên đề năm 2021; sơ kết thực hiện Chỉ thị số 11-CT/TU, ngày 01-8-2019 của Ban Thường vụ Tỉnh ủy về ' +
      'tăng cường công tác quản lý đoàn viên, hội viên; củng cố, nâng cao chất lượng hoạt động của các chi đoàn, ' +
      'chi hội, tổ hội ở địa bàn dân cư. Hoàn thành việc nhận xét, đánh giá cán bộ thuộc diện Ban Thường vụ Tỉnh ' +
      'ủy quản lý năm 2020. Triển khai các cuộc kiểm tra, giám sát theo kế hoạch, giải quyết đơn thư khiếu nại, ' +
      'tố cáo của công dân, nhất là khiếu nại, tố cáo liên quan đến nhân sự ứng cử đại biểu Quốc hội và đại biểu ' +
      'Hội đồng nhân dân các cấp.\n\n' +
      'Đẩy mạnh tuyên truyền, vận động đoàn viên, hội viên và các tầng lớp nhân dân tích cực thực hiện nghị quyết ' +
      'đại hội đảng bộ các cấp và các phong trào thi đua yêu nước ở địa phương. Lãnh đạo tổ chức đón Tết cổ ' +
      'truyền Chôl Chnăm Thmây của đồng bào dân tộc Khmer. Chỉ đạo tổ chức Đại hội đại biểu Hội Liên hiệp Phụ ' +
      'nữ, Hội Người cao tuổi cấp cơ sở. Tổ chức tổng kết công tác tôn giáo năm 2020; chủ động nắm tình hình, ' +
      'phát hiện, đấu tranh ngăn chặn kịp thời các hoạt động tôn giáo trái pháp luật, nhất là hoạt động của ' +
      'Pháp Luân Công.',
    deliverableType: 'khac',
    field: 'party_building',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: T4_DEADLINE,
    dueDate: T4_DUE,
  },
  {
    directiveKey: CTR_T4,
    code: 'CTr-T4/2021-02',
    title:
      'Xây dựng các đề án, kế hoạch theo Chương trình hành động; sản xuất nông nghiệp, thủy sản, đầu tư công ' +
      'và xúc tiến thương mại',
    description:
      'Triển khai việc xây dựng các đề án, kế hoạch theo Chương trình hành động thực hiện Nghị quyết Đại hội XI ' +
      'Đảng bộ tỉnh. Tập trung chỉ đạo kịp thời tháo gỡ khó khăn, vướng mắc trong sản xuất kinh doanh, trước mắt ' +
      'chỉ đạo thu hoạch dứt điểm vụ lúa đông xuân, sản xuất vụ lúa hè thu 2021; chủ động phòng trừ các loại dịch ' +
      'bệnh trên cây trồng, vật nuôi. Thực hiện tốt việc liên doanh, liên kết, tiêu thụ sản phẩm theo chuỗi giá ' +
      'trị, gắn sản xuất với bảo quản, chế biến và tiêu thụ sản phẩm, xây dựng thương hiệu với nâng cao giá trị ' +
      'nông sản. Tiếp tục triển khai thực hiện tốt Quyết định số 157/QĐ-TTg, ngày 01-02-2021 của Thủ tướng Chính ' +
      'phủ ban hành chương trình phát triển sản phẩm quốc gia đến năm 2030; Chương trình mỗi xã một sản phẩm ' +
      'OCOP. Tăng cường công tác quản lý, tuần tra, kiểm soát ngư trường; kiên quyết ngăn chặn tình trạng ngư dân ' +
      'đánh bắt hải sản trái phép. Tiếp tục xây dựng, nhân rộng và nâng cao hiệu quả một số mô hình nuôi biển. ' +
      'Theo dõi, kiểm soát chặt chẽ tình hình diễn biến thời tiết, thực hiện tốt các giải pháp phòng, chống hạn, ' +
      'xâm nhập mặn, bảo đảm nước ngọt phục vụ cho sản xuất và sinh hoạt của nhân dân. Tăng cường công tác quản ' +
      'lý, phòng, chống cháy rừng, nhất là rừng quốc gia Phú Quốc và U Minh Thượng; giữ gìn vệ sinh môi trường, ' +
      'chống rác thải nhựa, thường xuyên kiểm tra, xử lý nghiêm các điểm gây ô nhiễm môi trường.\n\n' +
      'Tập trung chỉ đạo triển khai thực hiện kế hoạch đầu tư công 2021. Đẩy nhanh tiến độ xây dựng một số công ' +
      'trình đang triển khai thi công; khởi công xây dựng tượng đài các anh hùng liệt sỹ ở Phú Quốc. Tổ chức lễ ' +
      'công bố quyết định của Thủ tướng Chính phủ về công nhận huyện Giồng Riềng và Gò Quao đạt chuẩn nông thôn ' +
      'mới. Đẩy mạnh công tác xúc tiến thương mại, mở rộng thị trường xuất khẩu hàng hóa nông-thủy sản; thu hút ' +
      'khách du lịch.',
    deliverableType: 'khac',
    field: 'economy',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: T4_DEADLINE,
    dueDate: T4_DUE,
  },
  {
    directiveKey: CTR_T4,
    code: 'CTr-T4/2021-03',
    title: 'Thông tin tuyên truyền, lễ giỗ Quốc tổ Hùng Vương, phòng chống dịch Covid-19, y tế và an sinh xã hội',
    description:
      'Tăng cường công tác thông tin tuyên truyền nhân kỷ niệm các ngày lễ lớn, về cuộc bầu cử đại biểu Quốc hội ' +
      'khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026. Chỉ đạo tổ chức tốt Lễ giỗ Quốc tổ Hùng ' +
      'Vương tại huyện Tân Hiệp; Đại hội Thể dục Thể thao cấp cơ sở. Tiếp tục thực hiện hiệu quả các biện pháp ' +
      'phòng chống dịch bệnh, nhất là dịch Covid-19; quản lý và kiểm soát chặt chẽ tuyến biên giới trên bộ, trên ' +
      'biển, xuất nhập cảnh, không để xảy ra tình trạng nhập cảnh trái phép và những người từ vùng có dịch đến ' +
      'địa bàn tỉnh; mở rộng khu cách ly, thành lập bệnh viện dã chiến ở thành phố Hà Tiên. Chuẩn bị tốt các ' +
      'điều kiện di dời Bệnh viện Đa khoa tỉnh đưa vào hoạt động. Tăng cường công tác kiểm tra bảo đảm vệ sinh ' +
      'an toàn thực phẩm, vệ sinh môi trường. Thực hiện tốt các chính sách an sinh xã hội; đẩy mạnh công tác đào ' +
      'tạo nghề, giải quyết việc làm cho người lao động. Tích cực tuyên truyền, vận động nhân dân tham gia bảo ' +
      'hiểm y tế.',
    deliverableType: 'khac',
    field: 'culture_society',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: T4_DEADLINE,
    dueDate: T4_DUE,
  },
  {
    directiveKey: CTR_T4,
    code: 'CTr-T4/2021-04',
    title:
      'Thực hiện Kết luận số 64-KL/TW về khu vực phòng thủ; sẵn sàng chiến đấu, diễn tập, phòng chống tội phạm, ' +
      'an toàn giao thông',
    // The source dates Kết luận số 64-KL/TW "30-10-2020"; 07-CTr/TU (row 25) dates it 30-10-2019. Kept as written.
    description:
      'Triển khai thực hiện kế hoạch của Ban Thường vụ Tỉnh ủy về thực hiện Kết luận số 64-KL/TW, ngày ' +
      '30-10-2020 của Bộ Chính trị về đẩy mạnh thực hiện Nghị quyết số 28-NQ/TW về tiếp tục xây dựng các tỉnh, ' +
      'thành phố trực thuộc Trung ương thành khu vực phòng thủ vững chắc trong tình hình mới. Duy trì nghiêm chế ' +
      'độ trực sẵn sàng chiến đấu, tăng cường công tác phối hợp nắm chắc tình hình trong nội địa, tuyến biên ' +
      'giới, biển, đảo, kịp thời tham mưu xử lý tốt những vấn đề phức tạp phát sinh, không để bị động, bất ngờ, ' +
      'bảo vệ an toàn các mục tiêu, sự kiện diễn ra trên địa bàn tỉnh. Đẩy mạnh tuyên truyền và vận động nhân ' +
      'dân làm căn cước công dân bảo đảm tiến độ đề ra. Triển khai kế hoạch diễn tập đối với các huyện: Kiên ' +
      'Lương, Gò Quao, Kiên Hải, Giang Thành và diễn tập chiến đấu phòng thủ cấp xã năm 2021. Đẩy mạnh đấu tranh ' +
      'phòng, chống tội phạm, nhất là tội phạm hình sự, ma túy, trộm cắp... Tăng cường công tác quản lý nhà nước ' +
      'về an ninh, trật tự; tuần tra, kiểm soát và xử lý nghiêm các hành vi vi phạm về an toàn giao thông; ' +
      'phòng, chống cháy, nổ trong mùa khô.',
    deliverableType: 'khac',
    field: 'defense_security',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: T4_DEADLINE,
    dueDate: T4_DUE,
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Tasks of 28-KL/TU: the 15 numbered items "(1)" ... "(15)" of the news item (its headline says 15 tasks, its body
// "13 nhiệm vụ trọng tâm", and it lists 15). All are for the last quarter of 2020; no lead agency is named.
// ---------------------------------------------------------------------------------------------------------------

const KL28 = '28-KL/TU';
const KL28_DEADLINE = 'Trong 3 tháng cuối năm 2020';
const KL28_DUE = '2020-12-31';

const TASKS_28_KL_TU: SeedTask[] = [
  {
    directiveKey: KL28,
    code: '28-KL/TU-01',
    title:
      'Rà soát tiến độ thực hiện các chỉ tiêu năm 2020; xây dựng kế hoạch phát triển kinh tế - xã hội và dự toán ' +
      'ngân sách năm 2021',
    description:
      'Rà soát tiến độ thực hiện các chỉ tiêu, mục tiêu đã đề ra, đồng thời có giải pháp phù hợp để tổ chức thực ' +
      'hiện thắng lợi Nghị quyết về nhiệm vụ năm 2020. Quan tâm chỉ đạo xây dựng kế hoạch phát triển kinh tế - xã ' +
      'hội và dự toán ngân sách năm 2021 phù hợp với điều kiện thực tế.',
    deliverableType: 'khac',
    field: 'economy',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-02',
    title: 'Thu hoạch vụ mùa, sản xuất vụ đông xuân 2020-2021; phòng chống thiên tai, dịch bệnh; quản lý, bảo vệ rừng',
    description:
      'Chỉ đạo thu hoạch các cây trồng vụ mùa và sớm triển khai phương án sản xuất vụ đông xuân năm 2020-2021. ' +
      'Thực hiện tốt các biện pháp phòng chống thiên tai, phòng chống dịch tả lợn Châu Phi và chủ động phòng ' +
      'chống rét cho cây trồng, vật nuôi. Tuyên truyền, vận động Nhân dân tập trung tái đàn lợn tại những địa ' +
      'phương đủ điều kiện. Tăng cường công tác quản lý, bảo vệ rừng, xử lý kiên quyết, kịp thời hành vi khai ' +
      'thác, vận chuyển, tiêu thụ lâm sản trái pháp luật. Chuẩn bị tốt các điều kiện cho kế hoạch trồng rừng ' +
      'năm 2021.',
    deliverableType: 'khac',
    field: 'economy',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-03',
    title: 'Hoàn thành tiêu chí nông thôn mới năm 2020; Chương trình OCOP; phát triển hợp tác xã',
    description:
      'Tập trung triển khai hoàn thành các tiêu chí nông thôn mới đối với các xã, các thôn dự kiến đạt chuẩn năm ' +
      '2020; thực hiện có hiệu quả Chương trình “Mỗi xã, phường một sản phẩm” (OCOP) năm 2020. Tiếp tục tuyên ' +
      'truyền, vận động thành lập mới các hợp tác xã; củng cố, nâng cao hiệu quả hoạt động của các tổ hợp tác, ' +
      'hợp tác xã hiện có.',
    deliverableType: 'khac',
    field: 'economy',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-04',
    title: 'Phát triển công nghiệp, tháo gỡ khó khăn cho doanh nghiệp; đẩy nhanh tiến độ và giải ngân vốn đầu tư',
    description:
      'Tăng cường thực hiện các giải pháp phát triển công nghiệp, tạo điều kiện thuận lợi cho các cơ sở công ' +
      'nghiệp sản xuất ổn định. Tiếp tục thực hiện các giải pháp tháo gỡ khó khăn cho doanh nghiệp do tác động ' +
      'của dịch Covid-19. Đẩy nhanh tiến độ thực hiện các công trình, dự án; chỉ đạo các chủ đầu tư khẩn trương ' +
      'đẩy nhanh tiến độ thực hiện và giải ngân số kế hoạch vốn theo đúng cam kết.',
    deliverableType: 'khac',
    field: 'economy',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-05',
    title: 'Dịch vụ, thương mại, xúc tiến thương mại và phát triển du lịch',
    description:
      'Chỉ đạo xử lý kịp thời những khó khăn, vướng mắc trong hoạt động dịch vụ, thương mại nhằm đảm bảo cung ' +
      'ứng đầy đủ những mặt hàng thiết yếu. Tiếp tục đẩy mạnh công tác xúc tiến thương mại và hỗ trợ doanh ' +
      'nghiệp, hợp tác xã, cơ sở sản xuất. Thực hiện tốt các giải pháp phát triển du lịch, nâng cao chất lượng ' +
      'du lịch để kích cầu du lịch.',
    deliverableType: 'khac',
    field: 'economy',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-06',
    title: 'Thu, chi ngân sách nhà nước năm 2020; quản lý đất đai và khoáng sản',
    description:
      'Làm tốt công tác đôn đốc thu và chống thất thu, phấn đấu hoàn thành chỉ tiêu thu ngân sách năm 2020. ' +
      'Tăng cường công tác quản lý chi ngân sách Nhà nước, đảm bảo chặt chẽ, tiết kiệm, hiệu quả. Tăng cường ' +
      'công tác quản lý Nhà nước về đất đai theo quy hoạch; xử lý nghiêm các trường hợp sử dụng đất sai mục ' +
      'đích, sai quy hoạch. Thực hiện việc đấu giá quyền khai thác khoáng sản; tiến hành khoanh định khu vực cấm, ' +
      'tạm cấm hoạt động khoáng sản và bảo vệ khoáng sản chưa khai thác.',
    deliverableType: 'khac',
    field: 'economy',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-07',
    title: 'Chính sách hỗ trợ học sinh năm học 2020-2021; đội ngũ và cơ sở vật chất trường lớp; trường chuẩn quốc gia',
    description:
      'Thực hiện hiệu quả các chính sách hỗ trợ cho học sinh năm học 2020-2021; tiếp tục rà soát, sắp xếp, bố ' +
      'trí đội ngũ cán bộ quản lý, giáo viên và đầu tư cơ sở vật chất trường, lớp và mua sắm trang thiết bị để ' +
      'đáp ứng yêu cầu dạy và học, nhất là thực hiện Chương trình giáo dục phổ thông mới; đẩy nhanh tiến độ thực ' +
      'hiện trường chuẩn quốc gia năm 2020 theo kế hoạch.',
    deliverableType: 'khac',
    field: 'culture_society',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-08',
    title: 'Phòng, chống dịch Covid-19; nâng cao chất lượng khám chữa bệnh; Bộ tiêu chí quốc gia về y tế xã',
    description:
      'Tiếp tục thực hiện tốt các biện pháp phòng, chống dịch Covid-19 theo chỉ đạo của Chính phủ, Bộ Y tế. ' +
      'Nâng cao chất lượng khám chữa bệnh cho Nhân dân, nêu cao tinh thần, thái độ phục vụ người bệnh; tăng ' +
      'cường xã hội hóa dịch vụ y tế, từng bước nâng cao chất lượng khám chữa bệnh của các đơn vị sự nghiệp y ' +
      'tế công lập. Đẩy nhanh tiến độ xây dựng các xã đạt Bộ tiêu chí quốc gia về y tế xã theo đúng kế hoạch.',
    deliverableType: 'khac',
    field: 'culture_society',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-09',
    title:
      'Chế độ chính sách xã hội, người có công; đào tạo nghề, việc làm; hỗ trợ người gặp khó khăn do Covid-19; ' +
      'giảm nghèo',
    description:
      'Thực hiện đầy đủ, kịp thời chế độ chính sách cho các đối tượng chính sách xã hội, người có công và quan ' +
      'tâm công tác đào tạo nghề, giải quyết việc làm cho người lao động. Tiếp tục hỗ trợ người dân, doanh ' +
      'nghiệp, người lao động gặp khó khăn do đại dịch Covid-19 theo Nghị quyết số 42/NQ-CP của Chính phủ đảm ' +
      'bảo hiệu quả, đúng đối tượng. Quan tâm làm tốt công tác giảm nghèo.',
    deliverableType: 'khac',
    field: 'culture_society',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-10',
    title:
      'Hoạt động văn hóa, văn nghệ, thể thao; cải cách hành chính, ứng dụng công nghệ thông tin và dịch vụ công ' +
      'trực tuyến',
    description:
      'Đẩy mạnh các hoạt động văn hóa, văn nghệ, thể thao nhân kỷ niệm các ngày lễ lớn, những sự kiện lịch sử ' +
      'trọng đại của đất nước, của dân tộc. Đẩy mạnh công tác cải cách hành chính, ứng dụng công nghệ thông tin ' +
      'trong các cơ quan Đảng, Nhà nước và cung cấp dịch vụ công trực tuyến. Tăng cường công tác thanh tra, kiểm ' +
      'tra công vụ; triển khai thực hiện tiêu chí đánh giá xác định chỉ số cải cách hành chính các sở, ban, ' +
      'ngành, UBND các huyện, thành phố và UBND các xã, phường, thị trấn. Tăng cường vận động người dân tích cực ' +
      'tham gia sử dụng dịch vụ công trực tuyến mức độ 3, 4.',
    deliverableType: 'khac',
    field: 'culture_society',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-11',
    title:
      'Quốc phòng, quân sự địa phương; an ninh chính trị, trật tự an toàn xã hội; thanh tra, tiếp công dân, ' +
      'phòng chống tham nhũng',
    description:
      'Thực hiện tốt nhiệm vụ quốc phòng, quân sự địa phương theo kế hoạch. Làm tốt công tác đảm bảo an ninh ' +
      'chính trị, trật tự an toàn xã hội trên địa bàn, nhất là trong dịp tổ chức Đại hội đại biểu Đảng bộ tỉnh ' +
      'lần thứ XII và Đại hội toàn quốc lần thứ XIII của Đảng. Tập trung lãnh đạo, chỉ đạo nâng cao chất lượng, ' +
      'hiệu quả công tác thanh tra, kiểm tra, điều tra, truy tố, xét xử các vụ việc, vụ án, nhất là những vụ ' +
      'việc phức tạp, kéo dài, dư luận xã hội quan tâm; tăng cường chỉ đạo thực hiện các kết luận sau thanh tra. ' +
      'Thực hiện tốt công tác tiếp công dân, giải quyết khiếu nại, tố cáo. Tăng cường công tác lãnh đạo, chỉ ' +
      'đạo thực hiện các quy định của Đảng, pháp luật của Nhà nước về công tác phòng chống tham nhũng, nhất là ' +
      'công tác phát hiện, xử lý hành vi “tham nhũng vặt”. Tiếp tục thực hiện công tác cải cách tư pháp theo ' +
      'tinh thần Nghị quyết số 49-NQ/TW của Bộ Chính trị.',
    deliverableType: 'khac',
    field: 'defense_security',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-12',
    title: 'Nắm tình hình tư tưởng, định hướng dư luận, giáo dục chính trị tư tưởng; công tác vận động quần chúng',
    description:
      'Chủ động nắm bắt tình hình tư tưởng của cán bộ, đảng viên và quần chúng Nhân dân trên địa bàn tỉnh; kịp ' +
      'thời định hướng dư luận, đảm bảo ổn định chính trị, trật tự an toàn xã hội; đẩy mạnh tuyên truyền về các ' +
      'chủ trương, đường lối của Đảng, chính sách pháp luật của Nhà nước; làm tốt công tác giáo dục chính trị, ' +
      'tư tưởng cho cán bộ, đảng viên nhằm nâng cao ý thức cảnh giác trước các luận điệu xuyên tạc của các thế ' +
      'lực thù địch. Tiếp tục đổi mới nội dung, phương thức hoạt động, nâng cao chất lượng, hiệu quả công tác ' +
      'vận động quần chúng, phát huy sức mạnh khối đại đoàn kết toàn dân tộc của Mặt trận Tổ quốc và các đoàn ' +
      'thể.',
    deliverableType: 'khac',
    field: 'party_building',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-13',
    title:
      'Chuẩn bị các kỳ họp Ban Chấp hành Đảng bộ tỉnh, Hội đồng nhân dân tỉnh; chuẩn bị bầu cử Quốc hội khóa XV ' +
      'và Hội đồng nhân dân các cấp',
    description:
      'Chuẩn bị nội dung và tổ chức tốt các kỳ họp Ban Chấp hành Đảng bộ tỉnh, Hội đồng nhân dân tỉnh theo kế ' +
      'hoạch. Tập trung lãnh đạo, chỉ đạo công tác chuẩn bị cho cuộc bầu cử Quốc hội khóa XV và bầu cử đại biểu ' +
      'Hội đồng nhân dân các cấp nhiệm kỳ 2021-2026 theo đúng tinh thần chỉ đạo của Bộ Chính trị tại Chỉ thị số ' +
      '45-CT/TW ngày 20/6/2020.',
    deliverableType: 'khac',
    field: 'party_building',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-14',
    title: 'Chuẩn bị và tổ chức thành công Đại hội đại biểu Đảng bộ tỉnh lần thứ XII, nhiệm kỳ 2020-2025',
    // Item (14) and the three paragraphs that follow it in the article (before item (15)).
    description:
      'Chuẩn bị chu đáo các điều kiện và tổ chức thành công Đại hội đại biểu Đảng bộ tỉnh lần thứ XII, nhiệm kỳ ' +
      '2020-2025.\n\n' +
      'Các tiểu ban phục vụ Đại hội, các cơ quan tham mưu giúp việc của Tỉnh ủy khẩn trương hoàn thành các công ' +
      'việc theo phân công, từ việc chuẩn bị văn kiện, nhân sự, tài liệu phục vụ đại hội, công tác tuyên truyền, ' +
      'hậu cần... để Đại hội đại biểu Đảng bộ tỉnh được tổ chức trang trọng, chu đáo, an toàn, đảm bảo đúng theo ' +
      'yêu cầu của Bộ Chính trị tại Chỉ thị số 35.\n\n' +
      'Các cơ quan tham mưu giúp việc của Tỉnh ủy chủ động chuẩn bị dự thảo Quy chế làm việc, Chương trình làm ' +
      'việc, Chương trình kiểm tra, giám sát toàn khóa, Chương trình hành động thực hiện Nghị quyết Đại hội Đảng ' +
      'bộ tỉnh lần thứ XII và Quy chế làm việc của Ủy ban Kiểm tra Tỉnh ủy khóa XII để trình Ban Chấp hành Đảng ' +
      'bộ khóa XI xem xét, thông qua tại kỳ họp lần thứ hai.\n\n' +
      'Đẩy mạnh tuyên truyền kết quả, thành công đại hội đảng các cấp, Đại hội Đảng bộ tỉnh lần thứ XII, nhất là ' +
      'các kết quả nổi bật về xây dựng, chỉnh đốn Đảng, xây dựng hệ thống chính trị, phát triển kinh tế - xã ' +
      'hội, đảm bảo quốc phòng - an ninh trong nhiệm kỳ 2015-2020; những cách làm hay, mô hình sáng tạo, gương ' +
      'người tốt, việc tốt; phát huy truyền thống cách mạng, sức mạnh đoàn kết vượt qua mọi khó khăn, phấn đấu ' +
      'thực hiện thắng lợi nghị quyết đại hội đảng các cấp đã đề ra.',
    deliverableType: 'khac',
    field: 'party_building',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
  {
    directiveKey: KL28,
    code: '28-KL/TU-15',
    title:
      'Phân loại cán bộ, công chức, đánh giá đảng viên, tổ chức đảng, bình xét thi đua, tổng kết công tác ' +
      'năm 2020',
    description:
      'Tiến hành việc phân loại cán bộ, công chức, bình xét, đánh giá đảng viên, tổ chức đảng, bình xét thi đua, ' +
      'tổng kết công tác năm 2020 đảm bảo thực chất, khách quan.',
    deliverableType: 'khac',
    field: 'party_building',
    leadAgencyCode: null,
    coordinatingAgencyCodes: [],
    deadlineText: KL28_DEADLINE,
    dueDate: KL28_DUE,
  },
];

export const DEMO_TASKS: SeedTask[] = [...TASKS_07_CTR_TU, ...TASKS_CTR_T4_2021, ...TASKS_28_KL_TU];
