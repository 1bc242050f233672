import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../api/use-organisations';
import { OrganisationOptions } from '../common/organisation-options';

interface Props {
  /** The committee chosen; empty: the reader's own with everything below it. */
  value: string;
  alone: boolean;
  onChange: (organisationId: string) => void;
  onAlone: (alone: boolean) => void;
}

/** Which committee's figures: the reader's or one below it, with or without the committees under it. */
export function OrganisationPicker({ value, alone, onChange, onAlone }: Props) {
  const { t } = useTranslation();
  const { organisations, hasTree } = useOrganisations();
  if (!hasTree) return null;
  return (
    <div className="dash-organisation" data-testid="dashboard-organisation">
      <label>
        <span>{t('dashboard.organisations.pick')}</span>
        <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="dashboard-organisation-select">
          <option value="">{t('dashboard.organisations.all', { name: organisations[0]?.name ?? '' })}</option>
          <OrganisationOptions organisations={organisations} />
        </select>
      </label>
      {value && (
        <label className="dash-organisation-alone">
          <input
            type="checkbox"
            checked={alone}
            onChange={(e) => onAlone(e.target.checked)}
            data-testid="dashboard-organisation-alone"
          />
          {t('dashboard.organisations.alone')}
        </label>
      )}
    </div>
  );
}
