import { passwordProblems, passwordStrength, type PasswordProblem } from '@dondoc/contracts';
import { STRENGTH_LEVELS, strengthView } from './strength-model';

const common: PasswordProblem = {
  code: 'COMMON',
  message: { vi: 'là một mật khẩu phổ biến, dễ bị đoán', en: 'is a common password, easily guessed' },
};

describe('strengthView', () => {
  it('shows nothing lit and no problems while the field is empty', () => {
    expect(strengthView('', 0, [common], 'vi')).toEqual({
      empty: true,
      score: 0,
      steps: 0,
      level: 'veryWeak',
      refused: false,
      problems: [],
      codes: [],
    });
  });

  it.each([0, 1, 2, 3, 4] as const)('score %i lights score + 1 steps and names the level', (score) => {
    const view = strengthView('x'.repeat(20), score, [], 'en');
    expect(view.steps).toBe(score + 1);
    expect(view.level).toBe(STRENGTH_LEVELS[score]);
    expect(view.refused).toBe(false);
  });

  it('says the password will be refused when the policy has problems, whatever the score', () => {
    const contains: PasswordProblem = {
      code: 'CONTAINS_USERNAME',
      message: { vi: 'không được trùng hoặc chứa tên đăng nhập', en: 'must not be or contain the username' },
    };
    const view = strengthView('nguyen.van.a rides a bicycle', 4, [contains], 'vi');
    expect(view).toMatchObject({ refused: true, level: 'veryStrong', codes: ['CONTAINS_USERNAME'] });
    expect(view.problems).toEqual(['không được trùng hoặc chứa tên đăng nhập']);
  });

  it('words the problems in the reader’s language', () => {
    expect(strengthView('12345678', 0, [common], 'en').problems).toEqual(['is a common password, easily guessed']);
    expect(strengthView('12345678', 0, [common], 'vi').problems).toEqual(['là một mật khẩu phổ biến, dễ bị đoán']);
  });
});

// The meter reads the same shared policy the API refuses with: these are its answers for the browser test's inputs.
describe('strengthView over the shared password policy', () => {
  const view = (password: string, context = {}) =>
    strengthView(password, passwordStrength(password, context), passwordProblems(password, context), 'vi');

  it('12345678 is at the lowest step with the "common password" problem', () => {
    expect(view('12345678')).toMatchObject({ score: 0, steps: 1, level: 'veryWeak', refused: true, codes: ['COMMON'] });
  });

  it('a passphrase of plain words passes', () => {
    const v = view('sông Hương chiều nay lặng gió', { username: 'nguyen.van.a', fullName: 'Nguyễn Văn An' });
    expect(v.refused).toBe(false);
    expect(v.score).toBeGreaterThanOrEqual(3);
  });

  it('a strong password holding the username is refused', () => {
    const v = view('tran.thi.b-sông-Hương-lặng-gió', { username: 'tran.thi.b', fullName: 'Trần Thị Bình' });
    expect(v.refused).toBe(true);
    expect(v.codes).toContain('CONTAINS_USERNAME');
  });
});
