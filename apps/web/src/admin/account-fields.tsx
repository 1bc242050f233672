import { ROLE_VALUES, type AgencyDto, type RoleName } from '@dondoc/contracts';
import { useId, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../api/use-organisations';
import { needsAgency, type AccountFormProblems, type AccountFormValues } from './account-form-model';
import { OrganisationOptions } from '../common/organisation-options';

interface Props {
  values: AccountFormValues;
  onChange: (patch: Partial<AccountFormValues>) => void;
  problems: AccountFormProblems;
  agencies: AgencyDto[];
  fullNameRef?: RefObject<HTMLInputElement | null>;
}

/** Name, role, agency or committee, and e-mail: what both creating and editing an account ask for. */
export function AccountFields({ values, onChange, problems, agencies, fullNameRef }: Props) {
  const { t } = useTranslation();
  const ids = { fullName: useId(), agency: useId() };
  const problemText = (field: 'fullName' | 'agencyId', name: string) => {
    const problem = problems[field];
    if (!problem) return null;
    return problem === 'agencyRequired' ? t('admin.form.agencyRequired') : t('admin.form.required', { field: name });
  };
  const fullNameError = problemText('fullName', t('admin.form.fullName'));
  const agencyError = problemText('agencyId', t('admin.form.agency'));
  const withAgency = needsAgency(values.role);
  // A disabled agency is offered only to the account that already belongs to it.
  const choices = agencies.filter((a) => a.active || a.id === values.agencyId);
  const { organisations, hasTree } = useOrganisations();

  return (
    <>
      <label className="dialog-field">
        {t('admin.form.fullName')}
        <input
          ref={fullNameRef}
          name="fullName"
          autoComplete="off"
          value={values.fullName}
          onChange={(e) => onChange({ fullName: e.target.value })}
          aria-invalid={fullNameError ? true : undefined}
          aria-describedby={fullNameError ? ids.fullName : undefined}
        />
        {fullNameError && (
          <span id={ids.fullName} className="field-error">
            {fullNameError}
          </span>
        )}
      </label>
      <label className="dialog-field">
        {t('admin.form.role')}
        <select name="role" value={values.role} onChange={(e) => onChange({ role: e.target.value as RoleName })}>
          {ROLE_VALUES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="dialog-field">
        {t('admin.form.agency')}
        <select
          name="agencyId"
          value={withAgency ? values.agencyId : ''}
          disabled={!withAgency}
          onChange={(e) => onChange({ agencyId: e.target.value })}
          aria-invalid={agencyError ? true : undefined}
          aria-describedby={agencyError ? ids.agency : undefined}
        >
          <option value="">{withAgency ? t('admin.form.agencyPick') : t('admin.form.agencyNone')}</option>
          {withAgency &&
            choices.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
        {agencyError && (
          <span id={ids.agency} className="field-error">
            {agencyError}
          </span>
        )}
      </label>
      {hasTree && !withAgency && (
        <label className="dialog-field">
          {t('admin.form.organisation')}
          <select
            name="organisationId"
            value={values.organisationId || organisations[0]?.id || ''}
            onChange={(e) => onChange({ organisationId: e.target.value })}
          >
            <OrganisationOptions organisations={organisations} />
          </select>
        </label>
      )}
      <label className="dialog-field">
        {t('admin.form.email')}
        <input
          name="email"
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={(e) => onChange({ email: e.target.value })}
        />
      </label>
    </>
  );
}
