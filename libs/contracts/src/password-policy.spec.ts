import { describePasswordProblems, nameWords, passwordProblems, passwordStrength } from './password-policy.js';

const codes = (password: string, context = { username: 'luan.le', fullName: 'Lê Văn Luân' }) =>
  passwordProblems(password, context).map((p) => p.code);

describe('password policy (OWASP ASVS 5.0 V6)', () => {
  it.each([
    ['12345678', 'COMMON'],
    ['password', 'COMMON'],
    ['Password', 'COMMON'],
    ['P@ssw0rd', 'COMMON'],
    ['qwertyuiop', 'COMMON'],
    ['        ', 'WHITESPACE_ONLY'],
    ['\t\n  \u00a0   ', 'WHITESPACE_ONLY'],
    ['luan.le', 'TOO_SHORT'],
    ['aaaaaaaaaaaa', 'TOO_WEAK'],
    ['123456789012', 'COMMON'],
    ['Password1!', 'TOO_WEAK'],
    ['matkhau2024', 'TOO_WEAK'],
    ['Mật-khẩu-123', 'TOO_WEAK'],
  ])('refuses %j (%s)', (password, code) => {
    expect(codes(password)).toContain(code);
  });

  it('refuses the username, as typed, with capitals or with Vietnamese marks, alone or inside', () => {
    const context = { username: 'nguyenvanthu', fullName: 'Trần Thị Bé' };
    for (const password of [
      'nguyenvanthu',
      'NguyenVanThu',
      'Nguyễn-Văn-Thử',
      'NGUYỄN VĂN THỬ',
      'x-nguyenvanthu-2024!',
    ]) {
      expect(passwordProblems(password, context).map((p) => p.code)).toContain('CONTAINS_USERNAME');
    }
    // Separators in the username do not hide it either.
    expect(codes('Luân.Lê#2024?')).toContain('CONTAINS_USERNAME');
    expect(codes('LUANLE-ky-niem-xa')).toContain('CONTAINS_USERNAME');
  });

  it('refuses a word of 4 letters or more of the full name, folded', () => {
    expect(codes('Hoa-sen-Luân-nở-rộ-1987')).toEqual(['CONTAINS_NAME']);
    expect(codes('hoa-sen-LUAN-no-ro-1987')).toEqual(['CONTAINS_NAME']);
    expect(nameWords('Lê Văn Luân')).toEqual(['luan']);
    expect(nameWords('Nguyễn Thị Minh Khai')).toEqual(['nguyen', 'minh', 'khai']);
    // Short name words (Lê, Văn) are not refused.
    expect(codes('Lê-Văn-bước-qua-cầu-đá-92')).toEqual([]);
  });

  it('accepts a long passphrase and a random 12-character password', () => {
    for (const password of [
      'Kế-hoạch-quý-III-2021',
      'Kế hoạch quý ba năm hai không hai mốt',
      'correct horse battery staple',
      'xK9#mQ2!vL7p',
      'q7Rv!Lw2@Zp9',
    ]) {
      expect({
        password,
        problems: passwordProblems(password, { username: 'luan.le', fullName: 'Lê Văn Luân' }),
      }).toEqual({
        password,
        problems: [],
      });
    }
  });

  it('accepts 8 to 11 characters only when strong', () => {
    expect(codes('Tr0ub4dor&3')).toEqual([]);
    expect(codes('demo12345')).toContain('TOO_WEAK');
  });

  it('gives a strength from 0 to 4 for a meter, knowing the user', () => {
    expect(passwordStrength('')).toBe(0);
    expect(passwordStrength('password')).toBe(0);
    expect(passwordStrength('Kế-hoạch-quý-III-2021')).toBe(4);
    expect(passwordStrength('hoangminhtuan')).toBeGreaterThan(
      passwordStrength('hoangminhtuan', { username: 'hoangminhtuan' }),
    );
  });

  it('says every problem in Vietnamese, then in English', () => {
    const problems = passwordProblems('luanle12', { username: 'luanle', fullName: 'Lê Văn Luân' });
    expect(problems.map((p) => p.code)).toEqual(['CONTAINS_USERNAME', 'CONTAINS_NAME', 'TOO_WEAK']);
    const message = describePasswordProblems(problems);
    expect(message).toMatch(
      /^Mật khẩu chưa đạt: .*tên đăng nhập.*họ tên.* \/ The password is too weak: .*username.*name/,
    );
  });
});
