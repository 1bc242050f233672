import { useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className'> & {
  /** The field's name for assistive technology ("Tệp sản phẩm"); the visible button says "Chọn tệp". */
  label: string;
};

/**
 * A file input whose button and "no file chosen" line follow the interface's language: the browser's own
 * control speaks the browser's language ("Choose Files") whatever the page says. The real input stays in
 * the page, focusable and visually hidden, so keyboards, screen readers and tests reach it as before.
 */
export function FilePicker({ label, id, onChange, multiple, disabled, ...input }: Props) {
  const { t } = useTranslation();
  const ownId = useId();
  const inputId = id ?? ownId;
  const [names, setNames] = useState<string[]>([]);
  const chosen =
    names.length === 0
      ? t('common.files.none')
      : names.length === 1
        ? names[0]
        : t('common.files.many', { count: names.length, names: names.join(', ') });
  return (
    <span className={`file-picker${disabled ? ' is-disabled' : ''}`}>
      <input
        {...input}
        id={inputId}
        type="file"
        className="file-picker-input"
        aria-label={label}
        multiple={multiple}
        disabled={disabled}
        onChange={(e) => {
          setNames(Array.from(e.target.files ?? [], (f) => f.name));
          onChange?.(e);
        }}
      />
      <label htmlFor={inputId} className="btn file-picker-button" aria-hidden="true">
        {multiple ? t('common.files.chooseMany') : t('common.files.chooseOne')}
      </label>
      <span className="file-picker-names" aria-live="polite">
        {chosen}
      </span>
    </span>
  );
}
