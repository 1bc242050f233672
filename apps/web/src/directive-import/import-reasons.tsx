import type { DirectiveImportTask } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';

const FIELDS = ['task', 'lead', 'coordinating', 'due', 'type', 'field'] as const;

/** Why the parser proposed a row as it did: one line per field, with the words of the document it read. */
export function ImportReasons({ reasons, testId }: { reasons: DirectiveImportTask['reasons']; testId: string }) {
  const { t } = useTranslation();
  return (
    <dl className="import-reasons" data-testid={testId}>
      {FIELDS.map((field) => (
        <div key={field}>
          <dt>{t(`importReasons.fields.${field}`)}</dt>
          <dd data-reason={reasons[field].code}>
            {t(`importReasons.codes.${reasons[field].code}`)}
            {reasons[field].evidence && <q>{reasons[field].evidence}</q>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
