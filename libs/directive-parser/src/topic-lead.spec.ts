import { DEMO_AGENCIES } from '@dondoc/persistence';
import { suggestLeadByTopic } from './topic-lead.js';

const registry = DEMO_AGENCIES.map((a) => ({ code: a.code, name: a.name }));
const lead = (text: string): string | null => suggestLeadByTopic(text, registry)?.agency.name ?? null;

describe('suggestLeadByTopic', () => {
  it.each([
    ['Tăng cường công tác thông tin tuyên truyền nhân kỷ niệm các ngày lễ lớn', 'Ban Tuyên giáo Tỉnh ủy'],
    [
      'Chỉ đạo thu hoạch các cây trồng vụ mùa và sớm triển khai phương án sản xuất vụ đông xuân',
      'Ban cán sự đảng Ủy ban nhân dân tỉnh',
    ],
    [
      'Làm tốt công tác đôn đốc thu và chống thất thu, phấn đấu hoàn thành chỉ tiêu thu ngân sách',
      'Ban cán sự đảng Ủy ban nhân dân tỉnh',
    ],
    ['Thực hiện tốt nhiệm vụ quốc phòng, quân sự địa phương theo kế hoạch', 'Đảng ủy Quân sự tỉnh'],
    ['Tiến hành việc phân loại cán bộ, công chức, bình xét, đánh giá đảng viên, tổ chức đảng', 'Ban Tổ chức Tỉnh ủy'],
    ['Đẩy mạnh công tác phòng, chống tham nhũng, tiêu cực; cải cách tư pháp', 'Ban Nội chính Tỉnh ủy'],
    ['Thực hiện nghiêm kỷ luật đảng, xử lý kỷ luật đảng viên vi phạm', 'Ủy ban Kiểm tra Tỉnh ủy'],
    ['Đấu tranh phòng, chống tội phạm ma túy, giữ vững an ninh chính trị, trật tự', 'Đảng ủy Công an tỉnh'],
  ])('%s → %s', (text, expected) => {
    expect(lead(text)).toBe(expected);
  });

  it('suggests nobody when nothing in the work points at a remit', () => {
    expect(lead('Thực hiện tốt các nội dung theo chỉ đạo')).toBeNull();
  });

  it('suggests nobody when two remits weigh the same', () => {
    expect(lead('Tuyên truyền về quốc phòng')).toBeNull();
  });

  it('suggests nobody when the registry has no agency of that remit', () => {
    expect(
      suggestLeadByTopic('Thực hiện tốt nhiệm vụ quốc phòng, quân sự địa phương', [{ code: 'x', name: 'Sở Y tế' }]),
    ).toBeNull();
  });
});
