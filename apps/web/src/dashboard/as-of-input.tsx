import { DATE_MIN } from '@dondoc/contracts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../common/format';

interface Props {
  /** yyyy-mm-dd, or empty for live figures. */
  value: string;
  /** The last day that has figures (today, Asia/Ho_Chi_Minh). */
  max: string;
  onChange: (day: string) => void;
}

/** yyyy-mm-dd from "30/06/2021" (or "30-06-2021", "2021-06-30"); null when it is no real day. */
function parseDay(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().startsWith(day) ? day : null;
}

/**
 * The "as of" day typed as dd/mm/yyyy, with a calendar button. A native date input alone would show
 * the browser's own order (mm/dd/yyyy on an English system), and the users read dates as dd/mm/yyyy.
 */
export function AsOfInput({ value, max, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(formatDate(value));
  const [synced, setSynced] = useState(value);
  const [error, setError] = useState('');
  if (value !== synced) {
    setSynced(value);
    setText(formatDate(value));
    setError('');
  }

  /** Applies what is typed; `final` (blur, Enter) also reports a half-typed date. */
  const apply = (raw: string, final: boolean) => {
    if (!raw.trim()) {
      setError('');
      if (value) onChange('');
      return;
    }
    const day = parseDay(raw);
    if (!day) {
      if (final) setError(t('dashboard.toolbar.asOfFormat'));
      return;
    }
    if (day > max) {
      setError(t('dashboard.states.futureDay', { date: formatDate(day), today: formatDate(max) }));
      return;
    }
    setError('');
    if (day !== value) onChange(day);
  };

  return (
    <div className="as-of">
      <label className="filter" htmlFor={`${id}-text`}>
        <span className="filter-label">{t('dashboard.toolbar.asOf')}</span>
      </label>
      <div className="as-of-row">
        <input
          id={`${id}-text`}
          type="text"
          name="asOf"
          inputMode="numeric"
          autoComplete="off"
          placeholder={t('dashboard.toolbar.asOfPlaceholder')}
          data-testid="dashboard-asof"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => {
            setText(e.target.value);
            apply(e.target.value, false);
          }}
          onBlur={(e) => apply(e.target.value, true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply(e.currentTarget.value, true);
          }}
        />
        <button
          type="button"
          className="btn as-of-pick"
          aria-label={t('dashboard.toolbar.pick')}
          title={t('dashboard.toolbar.pick')}
          onClick={() => picker.current?.showPicker()}
        >
          <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
            <rect x="2.5" y="4" width="15" height="13" rx="2" fill="none" stroke="currentColor" strokeWidth="1.6" />
            <path d="M2.5 8h15M6.5 2v4M13.5 2v4" stroke="currentColor" strokeWidth="1.6" />
          </svg>
        </button>
        {/* Only the browser's calendar is used; the field above is what people read and type. */}
        <input
          ref={picker}
          type="date"
          className="as-of-native"
          tabIndex={-1}
          aria-hidden="true"
          min={DATE_MIN}
          max={max}
          value={value}
          onChange={(e) => apply(e.target.value, true)}
        />
      </div>
      <span id={`${id}-hint`} className={error ? 'field-error' : 'dash-hint'} role={error ? 'alert' : undefined}>
        {error || (value ? '' : t('dashboard.toolbar.asOfHint'))}
      </span>
    </div>
  );
}
