import { useTranslation } from 'react-i18next';
import type { StrengthView } from './strength-model';

interface Props {
  view: StrengthView;
  /** The id of the problems' region, which the password input names in aria-describedby. */
  problemsId: string;
}

const STEPS = [0, 1, 2, 3, 4];

/**
 * zxcvbn-ts's score as a five-step bar with its name, then what the policy has against the password (the
 * very words the API would refuse it with), read out as they change.
 */
export function StrengthMeter({ view, problemsId }: Props) {
  const { t } = useTranslation();
  const label = view.empty ? t('admin.strength.empty') : t(`admin.strength.levels.${view.level}`);
  return (
    <div
      className={`strength level-${view.empty ? 'empty' : view.level}${view.refused ? ' is-refused' : ''}`}
      data-testid="strength-meter"
      data-score={view.empty ? '' : String(view.score)}
      data-refused={String(view.refused)}
      data-problems={view.codes.join(' ')}
    >
      <div className="strength-row">
        <div
          className="strength-bar"
          role="meter"
          aria-label={t('admin.strength.label')}
          aria-valuemin={0}
          aria-valuemax={4}
          aria-valuenow={view.score}
          aria-valuetext={label}
        >
          {STEPS.map((i) => (
            <span key={i} className={i < view.steps ? 'is-lit' : undefined} />
          ))}
        </div>
        <span className="strength-label" data-testid="strength-label">
          {label}
        </span>
      </div>
      <div id={problemsId} className="strength-verdict" aria-live="polite" data-testid="strength-problems">
        {!view.empty &&
          (view.refused ? (
            <p className="strength-refused">{t('admin.strength.refused', { problems: view.problems.join('; ') })}</p>
          ) : (
            <p className="strength-accepted">{t('admin.strength.accepted')}</p>
          ))}
      </div>
    </div>
  );
}
