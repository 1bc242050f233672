import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/use-session';

/**
 * The agencies the directive names that the registry does not have: proposed as new, never dropped. Rows keep the
 * name as written; an administrator adds the agency, then the Office picks it.
 */
export function NewAgenciesPanel({ names }: { names: readonly string[] }) {
  const { t } = useTranslation();
  const session = useSession();
  if (names.length === 0) return null;
  return (
    <section
      className="import-new-agencies"
      data-testid="import-new-agencies"
      aria-labelledby="import-new-agencies-title"
    >
      <h3 id="import-new-agencies-title">{t('directiveImport.newAgencies.title', { count: names.length })}</h3>
      <p className="hint">{t('directiveImport.newAgencies.hint')}</p>
      <ul>
        {names.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      {session?.user.role === 'admin' && <Link to="/admin">{t('directiveImport.newAgencies.add')}</Link>}
    </section>
  );
}
