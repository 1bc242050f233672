import { parseAssignment, splitAssignments, looksLikeAgency } from './assignment.parser.js';
it('probe', () => {
  const out: unknown[] = [];
  out.push(parseAssignment('Sở Tài chính:\n- Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư cân đối nguồn vốn.'));
  out.push(splitAssignments('Sở Kế hoạch và Đầu tư chủ trì, phối hợp với Sở Tài chính; Sở Xây dựng; UBND các huyện, thị xã, thành phố thẩm định hồ sơ dự án.').map(c=>[c.lead,c.coordinating,c.text]));
  out.push(splitAssignments('Giao Sở Công Thương chủ trì kiểm tra thị trường dịp Tết; Sở Tài chính phối hợp thực hiện.').map(c=>[c.lead,c.coordinating,c.text]));
  out.push(splitAssignments('Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố; các doanh nghiệp nhà nước có trách nhiệm báo cáo kết quả trước ngày 15/12/2023.').map(c=>[c.lead,c.coordinating,c.text]));
  out.push(splitAssignments('Ông Nguyễn Văn A (ngụ ấp Tân Hiệp, xã Tân Tuyến) đề nghị UBND tỉnh xem xét bồi thường phần đất bị thu hồi. Về việc này, Chủ tịch UBND tỉnh giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với UBND huyện Tri Tôn kiểm tra, báo cáo đề xuất trước ngày 15/8/2023.').map(c=>[c.lead,c.coordinating,c.text]));
  for (const n of ['Hội nghị', 'Ban hành kế hoạch', 'Trường hợp', 'Báo cáo kết quả']) out.push([n, looksLikeAgency(n)]);
  console.log(JSON.stringify(out, null, 1));
});
