import type { OrganisationDto } from '@dondoc/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../api/use-organisations';
import { AdminDialog } from './admin-dialog';
import { DialogTextField } from './dialog-text-field';
import { AdminErrorAlert } from './admin-error-alert';
import { useOrganisationMutations } from './use-organisation-mutations';
import { OrganisationOptions } from '../common/organisation-options';

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KINDS = ['district', 'directly_under', 'grassroots'] as const;
type Kind = (typeof KINDS)[number];

/** Headlines of the committees part for the codes its requests may answer. */
const ERROR_KEYS: Readonly<Record<string, string>> = {
  DUPLICATE: 'admin.committees.errors.DUPLICATE',
  UNKNOWN_ORGANISATION: 'admin.committees.errors.UNKNOWN_ORGANISATION',
};

interface Props {
  /** The committee to rename or place; none to make a new one. */
  committee?: OrganisationDto;
  onClose: () => void;
  onDone: (committee: OrganisationDto) => void;
}

/** Makes a committee under the administrator's own or one below it, or renames one (code and parent stay). */
export function CommitteeDialog({ committee, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { organisations } = useOrganisations();
  const { create, update } = useOrganisationMutations();
  const mutation = committee ? update : create;
  const [parentId, setParentId] = useState(organisations[0]?.id ?? '');
  const [code, setCode] = useState('');
  const [name, setName] = useState(committee?.name ?? '');
  const [kind, setKind] = useState<Kind>('district');
  const [place, setPlace] = useState(committee?.sortOrder ? String(committee.sortOrder) : '');
  const [problems, setProblems] = useState<{ code?: string; name?: string }>({});
  const firstRef = useRef<HTMLInputElement>(null);
  const busy = mutation.isPending;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: { code?: string; name?: string } = {};
    const trimmed = code.trim().toLowerCase();
    if (!committee && !trimmed)
      found.code = t('admin.committees.form.required', { field: t('admin.committees.form.code') });
    else if (!committee && !CODE.test(trimmed)) found.code = t('admin.committees.form.codeInvalid');
    if (!name.trim()) found.name = t('admin.committees.form.required', { field: t('admin.committees.form.name') });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const sortOrder = place.trim() ? Number(place) : null;
    if (committee) {
      update.mutate({ id: committee.id, body: { name: name.trim(), sortOrder } }, { onSuccess: onDone });
    } else {
      create.mutate({ parentId, code: trimmed, name: name.trim(), kind, sortOrder }, { onSuccess: onDone });
    }
  };

  return (
    <AdminDialog
      title={
        committee
          ? t('admin.committees.form.editTitle', { name: committee.name })
          : t('admin.committees.form.createTitle')
      }
      testId={committee ? 'edit-committee-dialog' : 'create-committee-dialog'}
      busy={busy}
      onClose={onClose}
      initialFocusRef={firstRef}
    >
      <form onSubmit={submit} noValidate>
        {!committee && (
          <>
            <label className="dialog-field">
              {t('admin.committees.form.parent')}
              <select name="parentId" value={parentId} onChange={(e) => setParentId(e.target.value)}>
                <OrganisationOptions organisations={organisations.filter((o) => o.kind !== 'grassroots')} />
              </select>
            </label>
            <DialogTextField
              label={t('admin.committees.form.code')}
              name="code"
              value={code}
              onChange={setCode}
              error={problems.code}
              hint={t('admin.committees.form.codeHint')}
              inputRef={firstRef}
              spellCheck={false}
            />
          </>
        )}
        <DialogTextField
          label={t('admin.committees.form.name')}
          name="name"
          value={name}
          onChange={setName}
          error={problems.name}
          inputRef={committee ? firstRef : undefined}
        />
        {!committee && (
          <label className="dialog-field">
            {t('admin.committees.form.kind')}
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`admin.committees.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="dialog-field">
          {t('admin.committees.form.place')}
          <input
            name="sortOrder"
            type="number"
            min={1}
            inputMode="numeric"
            value={place}
            onChange={(e) => setPlace(e.target.value)}
          />
        </label>
        <AdminErrorAlert error={mutation.error} codes={ERROR_KEYS} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('admin.form.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="committee-submit" disabled={busy}>
            {busy ? t('admin.form.saving') : committee ? t('admin.form.save') : t('admin.committees.actions.create')}
          </button>
        </div>
      </form>
    </AdminDialog>
  );
}
