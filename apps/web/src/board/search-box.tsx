import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string;
  onChange: (q: string) => void;
}

const DEBOUNCE_MS = 300;

/** Search box: the server folds diacritics, so "ke hoach" finds "Kế hoạch". Typing waits for a pause. */
export function SearchBox({ value, onChange }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  // The URL changed from elsewhere (back button, "clear filters"): show what it says.
  if (value !== synced) {
    setSynced(value);
    setText(value);
  }

  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  return (
    <label className="filter filter-search">
      <span className="sr-only">{t('board.filters.search')}</span>
      <input
        type="search"
        name="q"
        data-testid="filter-q"
        value={text}
        placeholder={t('board.filters.searchPlaceholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onChange(text);
        }}
      />
    </label>
  );
}
