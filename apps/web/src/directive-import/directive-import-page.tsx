import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/use-session';
import './directive-import.css';
import { ImportWorkspace } from './import-workspace';

/** "Nhập văn bản" (route `/import`, Office only): paste or upload → editable proposal → confirm. */
export function DirectiveImportPage() {
  const session = useSession();
  const { t } = useTranslation();
  if (!session) return null;
  if (session.user.role !== 'office') {
    return (
      <div className="import-page">
        <h1>{t('directiveImport.title')}</h1>
        <p className="import-denied" role="alert" data-testid="import-denied">
          {t('directiveImport.officeOnly')}
        </p>
      </div>
    );
  }
  return <ImportWorkspace />;
}
