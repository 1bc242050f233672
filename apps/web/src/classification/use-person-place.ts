import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/use-agencies';

/** Where a person sits, for a list of names: their agency's name, else their role ("Ban Thường vụ"). */
export function usePersonPlace(): (person: { role: string; agencyId: string | null }) => string {
  const { t, i18n } = useTranslation();
  const { byId } = useAgencies();
  return (person) => {
    const agency = person.agencyId ? byId.get(person.agencyId)?.name : undefined;
    if (agency) return agency;
    return i18n.exists(`roles.${person.role}`) ? t(`roles.${person.role}`) : person.role;
  };
}
