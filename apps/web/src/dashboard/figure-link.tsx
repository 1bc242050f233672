import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from './use-formatters';

interface Props {
  value: number;
  to: string;
  className?: string;
  /** Read by screen readers and shown on hover, e.g. "Quá hạn – Ban Tuyên giáo". */
  label?: string;
}

/** A count that opens the tasks behind it on the board; a zero has nothing to open, so it stays text. */
export function FigureLink({ value, to, className = '', label }: Props) {
  const { t } = useTranslation();
  const { num } = useFormatters();
  if (value === 0) return <span className={`figure figure-zero ${className}`}>{num(0)}</span>;
  const title = label
    ? `${label}: ${t('dashboard.agencies.linkTitle', { count: value })}`
    : t('dashboard.agencies.linkTitle', { count: value });
  return (
    <Link className={`figure figure-link ${className}`} to={to} title={title} aria-label={`${num(value)} – ${title}`}>
      {num(value)}
    </Link>
  );
}
