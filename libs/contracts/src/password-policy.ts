/**
 * The password policy (OWASP ASVS 5.0 V6), one pure module for the API, which refuses what it finds, and
 * for the admin screen, which can show the same problems and `passwordStrength` as a meter while one types.
 *
 * - at least 8 characters (code points, any Unicode, never truncated or trimmed) and not white space only;
 * - not one of the common passwords of `@zxcvbn-ts/language-common` (≈ 50,000, with l33t and reversed
 *   spellings), whatever its length;
 * - neither equal to nor containing the username, nor a word of 4 letters or more of the person's full name,
 *   compared without case, Vietnamese marks or separators (`Luân.Lê-2024` contains `luanle`);
 * - strong enough by the zxcvbn-ts estimator, which also knows the username, the name and the application's
 *   own words (`mật khẩu`, `Đôn Đốc`, `Tỉnh ủy` ...): a score of 3 of 4 (about 10^8 guesses) at any length,
 *   so a long passphrase or 12 random characters pass, `aaaaaaaaaaaa`, `mật-khẩu-123` or `Password1!` do not.
 *
 * No composition rules (ASVS 6.2.5): a passphrase of plain words is welcome. The estimator and its
 * dictionaries (~1 MB) are created on the first call, not when the module loads.
 */
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { foldVietnamese } from './fold-vietnamese.js';

export const PASSWORD_MIN_LENGTH = 8;
/** The length ASVS asks for without further checks; below it the message suggests a longer password. */
export const PASSWORD_LONG_LENGTH = 12;
/** zxcvbn's "safely unguessable" (about 10^8 guesses or more), at every length. */
export const PASSWORD_MIN_SCORE = 3;

export type PasswordProblemCode =
  'TOO_SHORT' | 'WHITESPACE_ONLY' | 'COMMON' | 'CONTAINS_USERNAME' | 'CONTAINS_NAME' | 'TOO_WEAK';

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: { vi: string; en: string };
}

export interface PasswordContext {
  username?: string | null;
  fullName?: string | null;
}

/** Words of this application and of its users' language that make a password guessable here. */
const CONTEXT_WORDS = [
  'matkhau',
  'mat-khau',
  'dondoc',
  'don-doc',
  'tinhuy',
  'tinh-uy',
  'vanphong',
  'thuongvu',
  'admin',
  'quantri',
  'vietnam',
  'anhyeuem',
  'emyeuanh',
];

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/** Folded and without anything but a–z and 0–9: `Luân.Lê-2024` → `luanle2024`. */
const compact = (s: string) => foldVietnamese(s, { wordsOnly: true }).replace(/ /g, '');

/** The words of a full name worth refusing in a password: 4 letters or more, folded (`Nguyễn` → `nguyen`). */
export function nameWords(fullName: string | null | undefined): string[] {
  if (!fullName) return [];
  return [...new Set(foldVietnamese(fullName, { wordsOnly: true }).split(' '))].filter((w) => /^[a-z]{4,}$/.test(w));
}

function userInputs(context: PasswordContext): string[] {
  const inputs = [...CONTEXT_WORDS];
  if (context.username) inputs.push(context.username, compact(context.username));
  inputs.push(...nameWords(context.fullName));
  return inputs;
}

/** The estimator's full answer (sequence, feedback keys, guesses), on the password as typed and folded. */
function estimate(password: string, context: PasswordContext): ZxcvbnResult {
  const inputs = userInputs(context);
  const asTyped = zxcvbn().check(password, inputs);
  // `Mậtkhẩu2024` should score as `Matkhau2024` does: the dictionaries are unaccented.
  const folded = foldVietnamese(password.normalize('NFC'));
  if (folded === password.toLowerCase()) return asTyped;
  const plain = zxcvbn().check(folded, inputs);
  return plain.score < asTyped.score ? plain : asTyped;
}

/** 0 (guessed at once) to 4 (very hard to guess), for a meter; the username, the name and the application's words count as known to an attacker. */
export function passwordStrength(password: string, context: PasswordContext = {}): 0 | 1 | 2 | 3 | 4 {
  if (!password) return 0;
  return estimate(password, context).score;
}

const isCommon = (result: ZxcvbnResult, password: string) =>
  result.sequence.length === 1 &&
  result.sequence[0].pattern === 'dictionary' &&
  String(result.sequence[0].dictionaryName).startsWith('passwords') &&
  result.sequence[0].token.length === password.length;

/** What is wrong with a password; empty when it may be set. Every problem found, not only the first. */
export function passwordProblems(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push({
      code: 'TOO_SHORT',
      message: {
        vi: `phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự (nên từ ${PASSWORD_LONG_LENGTH} ký tự trở lên)`,
        en: `must have at least ${PASSWORD_MIN_LENGTH} characters (${PASSWORD_LONG_LENGTH} or more is better)`,
      },
    });
  }
  if (/^\s*$/u.test(password)) {
    problems.push({
      code: 'WHITESPACE_ONLY',
      message: { vi: 'không được chỉ gồm dấu cách', en: 'must not be only spaces' },
    });
    return problems;
  }

  const plain = compact(password);
  const username = context.username ? compact(context.username) : '';
  // A username of 1–2 letters would forbid every password holding those letters: then only equality counts.
  if (username && (plain === username || (username.length >= 3 && plain.includes(username)))) {
    problems.push({
      code: 'CONTAINS_USERNAME',
      message: { vi: 'không được trùng hoặc chứa tên đăng nhập', en: 'must not be or contain the username' },
    });
  }
  const names = nameWords(context.fullName).filter((w) => plain.includes(w));
  if (names.length > 0) {
    problems.push({
      code: 'CONTAINS_NAME',
      message: {
        vi: `không được chứa họ tên của người dùng (${names.join(', ')})`,
        en: `must not contain the person's name (${names.join(', ')})`,
      },
    });
  }

  const result = estimate(password, context);
  if (isCommon(zxcvbn().check(password), password) || isCommon(zxcvbn().check(foldVietnamese(password)), password)) {
    problems.push({
      code: 'COMMON',
      message: {
        vi: 'là một mật khẩu phổ biến, dễ bị đoán',
        en: 'is a common password, easily guessed',
      },
    });
  } else if (length >= PASSWORD_MIN_LENGTH && result.score < PASSWORD_MIN_SCORE) {
    problems.push({
      code: 'TOO_WEAK',
      message:
        length >= PASSWORD_LONG_LENGTH
          ? {
              vi: 'quá dễ đoán (lặp lại, dãy số, từ thông dụng); hãy dùng một câu dài gồm nhiều từ',
              en: 'is too easy to guess (repeats, sequences, common words); use a long phrase of several words',
            }
          : {
              vi: `quá dễ đoán; hãy dùng từ ${PASSWORD_LONG_LENGTH} ký tự trở lên, ví dụ một câu gồm nhiều từ`,
              en: `is too easy to guess; use ${PASSWORD_LONG_LENGTH} characters or more, e.g. a phrase of several words`,
            },
    });
  }
  return problems;
}

/** One bilingual sentence listing the problems, Vietnamese first: for an error message. */
export function describePasswordProblems(problems: PasswordProblem[]): string {
  const vi = problems.map((p) => p.message.vi).join('; ');
  const en = problems.map((p) => p.message.en).join('; ');
  return `Mật khẩu chưa đạt: ${vi}. / The password is too weak: it ${en}.`;
}
