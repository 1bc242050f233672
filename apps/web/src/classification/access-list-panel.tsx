import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AccessListEditor } from './access-list-editor';
import { AccessListPeople } from './access-list-people';
import { ClassificationError } from './classification-error';
import { useAccessList, type ClassifiedKind } from './use-classification';

interface Props {
  kind: ClassifiedKind;
  itemId: string;
  /** The Office edits the list; the Standing Committee and the inspector read it. */
  editable: boolean;
  scope: { leadAgencyId: string | null; coordinatingAgencyIds: readonly string[] };
}

/**
 * The need-to-know list behind a button: asked of the API only when opened, since reading it is itself a read
 * of the classified item that the access log records.
 */
export function AccessListPanel({ kind, itemId, editable, scope }: Props) {
  const { t } = useTranslation();
  const regionId = useId();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const list = useAccessList(kind, itemId, open);
  const users = list.data?.users;

  return (
    <div className="access-list-panel" data-testid="access-list-panel">
      <button
        type="button"
        className="btn"
        data-testid="access-list-toggle"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen(!open)}
      >
        {open ? t('classification.access.close') : t('classification.access.open')}
        {users && ` (${t('classification.access.count', { count: users.length })})`}
      </button>
      <div id={regionId} hidden={!open} aria-label={t('classification.access.heading')} role="region">
        {open && list.isPending && (
          <p className="drawer-hint" role="status">
            {t('classification.access.loading')}
          </p>
        )}
        {open && <ClassificationError error={list.error} />}
        {saved && (
          <p className="drawer-hint" role="status" data-testid="access-saved">
            {t('classification.access.saved')}
          </p>
        )}
        {users &&
          (editable ? (
            // A list changed elsewhere (or just saved) starts the editor again from the list in force.
            <AccessListEditor
              key={users.map((u) => u.id).join()}
              kind={kind}
              itemId={itemId}
              users={users}
              scope={scope}
              onSaved={() => setSaved(true)}
              onEdit={() => setSaved(false)}
            />
          ) : (
            <>
              <AccessListPeople users={users} />
              <p className="drawer-hint">{t('classification.access.readOnly')}</p>
            </>
          ))}
      </div>
    </div>
  );
}
