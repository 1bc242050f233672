import type { AgencyDto } from '@dondoc/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../api/use-organisations';
import { AdminDialog } from './admin-dialog';
import { DialogTextField } from './dialog-text-field';
import { AdminErrorAlert } from './admin-error-alert';
import { AGENCY_ERROR_KEYS } from './agency-errors';
import { useAgencyMutations } from './use-agency-mutations';
import { OrganisationOptions } from '../common/organisation-options';

/** The kinds the demo province uses; an agency registered elsewhere with another kind keeps it. */
export const AGENCY_KINDS = [
  'party_committee_board',
  'party_delegation',
  'party_committee',
  'district_committee',
  'grassroots_committee',
  'party_board',
  'office',
  'school',
  'other',
] as const;

const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface Props {
  /** The agency to rename or reclassify; none to register a new one. */
  agency?: AgencyDto;
  onClose: () => void;
  onDone: (agency: AgencyDto) => void;
}

/** Registers an agency (code, name, kind) or changes the name and kind of one (its code never changes). */
export function AgencyDialog({ agency, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { create, update } = useAgencyMutations();
  const mutation = agency ? update : create;
  const [code, setCode] = useState('');
  const [name, setName] = useState(agency?.name ?? '');
  const [kind, setKind] = useState(agency?.kind ?? 'other');
  const { organisations, hasTree } = useOrganisations();
  // A new agency works for the administrator's committee unless one below it is chosen.
  const [organisationId, setOrganisationId] = useState('');
  const [problems, setProblems] = useState<{ code?: string; name?: string }>({});
  const firstRef = useRef<HTMLInputElement>(null);
  const busy = mutation.isPending;
  const kinds: string[] = AGENCY_KINDS.includes(kind as (typeof AGENCY_KINDS)[number])
    ? [...AGENCY_KINDS]
    : [...AGENCY_KINDS, kind];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: { code?: string; name?: string } = {};
    const trimmedCode = code.trim().toLowerCase();
    if (!agency && !trimmedCode)
      found.code = t('admin.agencies.form.required', { field: t('admin.agencies.form.code') });
    else if (!agency && !CODE.test(trimmedCode)) found.code = t('admin.agencies.form.codeInvalid');
    if (!name.trim()) found.name = t('admin.agencies.form.required', { field: t('admin.agencies.form.name') });
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (agency) {
      update.mutate({ id: agency.id, body: { name: name.trim(), kind } }, { onSuccess: onDone });
    } else {
      create.mutate(
        { code: trimmedCode, name: name.trim(), kind, organisationId: organisationId || undefined },
        { onSuccess: onDone },
      );
    }
  };

  return (
    <AdminDialog
      title={agency ? t('admin.agencies.form.editTitle', { name: agency.name }) : t('admin.agencies.form.createTitle')}
      testId={agency ? 'edit-agency-dialog' : 'create-agency-dialog'}
      busy={busy}
      onClose={onClose}
      initialFocusRef={firstRef}
    >
      <form onSubmit={submit} noValidate>
        {!agency && (
          <DialogTextField
            label={t('admin.agencies.form.code')}
            name="code"
            value={code}
            onChange={setCode}
            error={problems.code}
            hint={t('admin.agencies.form.codeHint')}
            inputRef={firstRef}
            spellCheck={false}
          />
        )}
        <DialogTextField
          label={t('admin.agencies.form.name')}
          name="name"
          value={name}
          onChange={setName}
          error={problems.name}
          inputRef={agency ? firstRef : undefined}
        />
        {!agency && hasTree && (
          <label className="dialog-field">
            {t('admin.form.organisation')}
            <select
              name="organisationId"
              value={organisationId || organisations[0]?.id || ''}
              onChange={(e) => setOrganisationId(e.target.value)}
            >
              <OrganisationOptions organisations={organisations} />
            </select>
          </label>
        )}
        <label className="dialog-field">
          {t('admin.agencies.form.kind')}
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {AGENCY_KINDS.includes(k as (typeof AGENCY_KINDS)[number]) ? t(`admin.agencies.kinds.${k}`) : k}
              </option>
            ))}
          </select>
        </label>
        <AdminErrorAlert error={mutation.error} codes={AGENCY_ERROR_KEYS} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {t('admin.form.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" data-testid="agency-submit" disabled={busy}>
            {busy ? t('admin.form.saving') : agency ? t('admin.form.save') : t('admin.agencies.actions.create')}
          </button>
        </div>
      </form>
    </AdminDialog>
  );
}
