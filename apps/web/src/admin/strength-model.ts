import type { PasswordProblem } from '@dondoc/contracts';

export type StrengthScore = 0 | 1 | 2 | 3 | 4;
export type StrengthLevel = 'veryWeak' | 'weak' | 'fair' | 'strong' | 'veryStrong';

/** zxcvbn's scores 0–4 in order: the meter's five steps. */
export const STRENGTH_LEVELS: readonly StrengthLevel[] = ['veryWeak', 'weak', 'fair', 'strong', 'veryStrong'];

/** What the meter shows for one password: how many steps are lit, their name, and whether it will be refused. */
export interface StrengthView {
  /** Nothing typed yet: no steps lit and no problems shown (a blank field is not an error while typing). */
  empty: boolean;
  /** zxcvbn's score, the meter's aria-valuenow (0–4). */
  score: StrengthScore;
  /** Lit steps of the bar, 1–5 once something is typed; a score of 0 still lights one, so the bar shows red. */
  steps: number;
  level: StrengthLevel;
  /** The policy has something against it: the API will answer 400 WEAK_PASSWORD whatever the score says. */
  refused: boolean;
  /** The policy's problems in the reader's language, as the API's message will word them. */
  problems: string[];
  /** Codes of the problems, for tests and styling. */
  codes: string[];
}

export function strengthView(
  password: string,
  score: StrengthScore,
  problems: readonly PasswordProblem[],
  lang: 'vi' | 'en',
): StrengthView {
  if (password.length === 0) {
    return { empty: true, score: 0, steps: 0, level: 'veryWeak', refused: false, problems: [], codes: [] };
  }
  return {
    empty: false,
    score,
    steps: score + 1,
    level: STRENGTH_LEVELS[score],
    refused: problems.length > 0,
    problems: problems.map((p) => p.message[lang]),
    codes: problems.map((p) => p.code),
  };
}
