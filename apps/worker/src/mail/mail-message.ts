/** A notification as the mail loop claims it. */
export interface MailableNotification {
  id: string;
  task_id: string | null;
  kind: string;
  title: string;
  body: string;
  email: string;
  full_name: string;
}

export interface OutgoingMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/**
 * Plain text only: the title is the subject as the inbox shows it (nodemailer encodes it as UTF-8, so
 * the diacritics arrive intact), the body says what happened and where to look.
 */
export function composeMail(n: MailableNotification, publicUrl: string): OutgoingMail {
  const link = n.task_id ? `${publicUrl}/tasks/${n.task_id}` : `${publicUrl}/`;
  const lines = [`Kính gửi ${n.full_name},`, '', n.title];
  if (n.body.trim()) lines.push('', n.body.trim());
  lines.push(
    '',
    `Xem chi tiết: ${link}`,
    '',
    '--',
    'Đôn Đốc — theo dõi thực hiện nhiệm vụ của Tỉnh ủy.',
    'Thư gửi tự động, xin đừng trả lời thư này.',
  );
  return {
    to: { name: n.full_name, address: n.email },
    // A subject is one line; a title never has line breaks, but a header must not gain one either.
    subject: n.title.replace(/[\r\n]+/g, ' '),
    text: `${lines.join('\n')}\n`,
    headers: {
      // RFC 3834: out-of-office responders must not answer an automatic message.
      'Auto-Submitted': 'auto-generated',
      'X-Dondoc-Notification': n.id,
    },
  };
}
