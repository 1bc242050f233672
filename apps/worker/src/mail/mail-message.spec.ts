import { composeMail } from './mail-message.js';

describe('composeMail', () => {
  const n = {
    id: '0b8f3c1e-4a57-4d0c-9a9e-2f6b1c3d4e5f',
    task_id: '6f1e2d3c-4b5a-4978-8a6b-5c4d3e2f1a0b',
    kind: 'overdue',
    title: 'Nhiệm vụ đã quá hạn — 07-CTr/TU-01: Xây dựng Đề án “Phát triển kinh tế – xã hội”',
    body: '',
    email: 'thu@tinhuy.vn',
    full_name: 'Nguyễn Thị Thư',
  };

  it('uses the title as the subject and links to the task', () => {
    const m = composeMail(n, 'https://dondoc.tinhuy.vn');
    expect(m.subject).toBe(n.title);
    expect(m.to).toEqual({ name: 'Nguyễn Thị Thư', address: 'thu@tinhuy.vn' });
    expect(m.text).toContain(`https://dondoc.tinhuy.vn/tasks/${n.task_id}`);
    expect(m.text.startsWith('Kính gửi Nguyễn Thị Thư,\n\n')).toBe(true);
    expect(m.headers['Auto-Submitted']).toBe('auto-generated');
  });

  it('keeps a subject on one line and links to the home page when there is no task', () => {
    const m = composeMail({ ...n, task_id: null, title: 'Dòng một\r\nBcc: x@y.vn', body: 'Chi tiết' }, 'http://x');
    expect(m.subject).toBe('Dòng một Bcc: x@y.vn');
    expect(m.text).toContain('Xem chi tiết: http://x/\n');
    expect(m.text).toContain('\nChi tiết\n');
  });
});
