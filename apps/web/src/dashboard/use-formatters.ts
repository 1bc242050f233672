import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface Formatters {
  /** A count: "1.234" in Vietnamese, "1,234" in English. */
  num: (n: number) => string;
  /** A fraction (0..1) as a percentage with at most one decimal; a dash when there is nothing to divide. */
  pct: (rate: number | null) => string;
  /** A number of days with at most one decimal. */
  decimal: (n: number) => string;
}

/** Number formatting in the interface's language (Vietnamese separators in Vietnamese). */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-US' : 'vi-VN';
  return useMemo(() => {
    const pctFmt = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const decFmt = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      num: (n) => n.toLocaleString(locale),
      pct: (rate) => (rate === null ? '–' : pctFmt.format(rate)),
      decimal: (n) => decFmt.format(n),
    };
  }, [locale]);
}
