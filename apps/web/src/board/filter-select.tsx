interface Props {
  name: string;
  label: string;
  value: string;
  allLabel: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
}

export function FilterSelect({ name, label, value, allLabel, options, onChange }: Props) {
  return (
    <label className="filter">
      <span className="filter-label">{label}</span>
      <select name={name} data-testid={`filter-${name}`} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
