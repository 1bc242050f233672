import type { AccessListDto } from '@dondoc/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../people/use-people';
import { ClassificationError } from './classification-error';
import { eligiblePeople, hasOffice, listChanged, sortAccessPeople } from './classification-model';
import { useSetAccessList, type ClassifiedKind } from './use-classification';
import { usePersonPlace } from './use-person-place';

type Entry = Pick<AccessListDto['users'][number], 'id' | 'fullName' | 'role' | 'agencyId'>;

interface Props {
  kind: ClassifiedKind;
  itemId: string;
  users: AccessListDto['users'];
  /** The task's agencies: only their staff may be added besides the Committee, the Office and the inspector. */
  scope: { leadAgencyId: string | null; coordinatingAgencyIds: readonly string[] };
  onSaved: () => void;
  onEdit: () => void;
}

/**
 * The Office's editor of a need-to-know list: people are added from the directory (only those who may be
 * cleared are offered) or removed, and the whole list is saved at once (PUT replaces the one in force).
 */
export function AccessListEditor({ kind, itemId, users, scope, onSaved, onEdit }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const place = usePersonPlace();
  const { people } = usePeople();
  const [draft, setDraft] = useState<Entry[]>(users);
  const [pick, setPick] = useState('');
  const save = useSetAccessList(kind, itemId);
  const held = new Set(users.map((u) => u.id));
  const onList = new Set(draft.map((u) => u.id));
  const candidates = sortAccessPeople(eligiblePeople(people, scope).filter((p) => !onList.has(p.id)));
  const changed = listChanged(users, draft);
  const officeKept = hasOffice(draft);

  const edit = (next: Entry[]) => {
    setDraft(next);
    onEdit();
    save.reset();
  };
  const add = () => {
    const person = people.find((p) => p.id === pick);
    if (!person) return;
    edit([...draft, { id: person.id, fullName: person.fullName, role: person.role, agencyId: person.agencyId }]);
    setPick('');
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!changed || !officeKept) return;
    // The promise, not mutate's callback: the saved list remounts this editor, and an unmounted observer's
    // callbacks never run. A refusal stays in save.error.
    save.mutateAsync({ userIds: draft.map((u) => u.id) }).then(onSaved, () => undefined);
  };

  return (
    <form className="drawer-form access-list-editor" onSubmit={onSubmit} data-testid="access-list-editor" noValidate>
      {draft.length === 0 ? (
        <p className="drawer-empty">{t('classification.access.empty')}</p>
      ) : (
        <ul className="access-list" data-testid="access-list">
          {sortAccessPeople(draft).map((u) => (
            <li
              key={u.id}
              className={`access-person${held.has(u.id) ? '' : ' is-added'}`}
              data-testid="access-person"
              data-user-id={u.id}
            >
              <span className="access-person-name">
                {u.fullName} <span className="drawer-muted">({place(u)})</span>
                {!held.has(u.id) && <span className="drawer-badge">{t('classification.access.added')}</span>}
              </span>
              <button
                type="button"
                className="btn btn-ghost"
                data-testid="access-remove"
                aria-label={t('classification.access.removeLabel', { name: u.fullName })}
                onClick={() => edit(draft.filter((x) => x.id !== u.id))}
              >
                {t('classification.access.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${id}-add`}>{t('classification.access.add')}</label>
      <div className="access-add">
        <select
          id={`${id}-add`}
          data-testid="access-add-select"
          value={pick}
          aria-describedby={`${id}-eligible`}
          onChange={(e) => setPick(e.target.value)}
        >
          <option value="">{t('classification.access.addPlaceholder')}</option>
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.fullName} ({place(p)})
            </option>
          ))}
        </select>
        <button type="button" className="btn" data-testid="access-add" disabled={!pick} onClick={add}>
          {t('classification.access.addButton')}
        </button>
      </div>
      <p id={`${id}-eligible`} className="drawer-hint">
        {t('classification.access.eligibleHint')}
      </p>
      {!officeKept && (
        <p className="drawer-field-error" role="alert" data-testid="access-needs-office">
          {t('classification.access.needsOffice')}
        </p>
      )}
      {changed && officeKept && (
        <p className="drawer-hint" role="status">
          {t('classification.access.unsaved')}
        </p>
      )}
      <ClassificationError error={save.error} />
      <div className="drawer-form-actions">
        {changed && (
          <button type="button" className="btn" onClick={() => edit(users)}>
            {t('classification.access.reset')}
          </button>
        )}
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="access-save"
          disabled={save.isPending || !changed || !officeKept}
        >
          {save.isPending ? t('classification.access.saving') : t('classification.access.save')}
        </button>
      </div>
    </form>
  );
}
