import type { AgencyDto, PersonDto } from '@dondoc/contracts';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/use-agencies';
import { useActor } from '../auth/use-actor';
import { ApiErrorAlert } from '../task-drawer/api-error-alert';
import { useDialogFocus } from '../task-drawer/use-dialog-focus';
import { agencySettingsKind } from './people-model';
import { useAgencySettings, usePeople, useUpdateAgencySettings } from './use-people';
import './people.css';

/** Whether the signed-in person has agency settings to open (the ☰ menu shows the button then). */
export function useHasAgencySettings(): boolean {
  const actor = useActor();
  return !!actor && agencySettingsKind(actor) !== null;
}

/**
 * The settings button of the ☰ menu: an agency's head opens "Cài đặt cơ quan" (whether its officers work on
 * every task it leads); the Office opens its monitoring officer per agency. Nobody else sees it.
 */
export function AgencySettingsButton() {
  const { t } = useTranslation();
  const actor = useActor();
  const [open, setOpen] = useState(false);
  const kind = actor ? agencySettingsKind(actor) : null;
  if (!actor || !kind) return null;
  const head = kind === 'officers';
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost"
        data-testid="agency-settings-open"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {head ? t('people.settings.button') : t('people.settings.monitoringButton')}
      </button>
      {open && (
        <SettingsDialog
          title={head ? t('people.settings.title') : t('people.settings.monitoringTitle')}
          onClose={() => setOpen(false)}
        >
          {head && actor.agencyId ? <OfficersSetting agencyId={actor.agencyId} /> : <MonitoringTable />}
        </SettingsDialog>
      )}
    </>
  );
}

function SettingsDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useDialogFocus(true, dialogRef, closeRef, onClose);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialogRef}
        className="dialog settings-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="agency-settings-dialog"
        tabIndex={-1}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        <div className="drawer-form-actions">
          <button ref={closeRef} type="button" className="btn" data-testid="agency-settings-close" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The head's switch: officers on every task the agency leads, or only on those assigned to them. */
function OfficersSetting({ agencyId }: { agencyId: string }) {
  const { t } = useTranslation();
  const settings = useAgencySettings(agencyId);
  const update = useUpdateAgencySettings(agencyId);
  const hintId = useId();
  if (settings.isPending) return <p>{t('people.settings.loading')}</p>;
  if (settings.error) return <ApiErrorAlert error={settings.error} />;
  return (
    <div className="settings-body">
      <label className="people-check">
        <input
          type="checkbox"
          data-testid="officers-act-on-all"
          aria-describedby={hintId}
          checked={settings.data.officersActOnAll}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ officersActOnAll: e.target.checked })}
        />
        {t('people.settings.officersActOnAll')}
      </label>
      <p id={hintId} className="drawer-hint">
        {t('people.settings.officersActOnAllHint')}
      </p>
      {update.isSuccess && (
        <p role="status" className="drawer-hint">
          {t('people.settings.saved')}
        </p>
      )}
      <ApiErrorAlert error={update.error} />
    </div>
  );
}

/** The Office's monitoring officer for each agency, one row each (read when the dialog opens). */
function MonitoringTable() {
  const { t } = useTranslation();
  const { agencies } = useAgencies();
  const { people } = usePeople({ role: 'office' });
  return (
    <div className="settings-body">
      <p className="drawer-hint">{t('people.settings.monitoringHint')}</p>
      <div className="settings-scroll">
        <table className="settings-table">
          <thead>
            <tr>
              <th scope="col">{t('people.settings.agency')}</th>
              <th scope="col">{t('people.monitoring')}</th>
            </tr>
          </thead>
          <tbody>
            {agencies
              .filter((a) => a.active)
              .map((a) => (
                <MonitoringRow key={a.id} agency={a} officers={people} />
              ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function MonitoringRow({ agency, officers }: { agency: AgencyDto; officers: readonly PersonDto[] }) {
  const { t } = useTranslation();
  const settings = useAgencySettings(agency.id);
  const update = useUpdateAgencySettings(agency.id);
  const selectId = useId();
  return (
    <tr data-testid="monitoring-row" data-agency-code={agency.code}>
      <th scope="row">
        <label htmlFor={selectId}>{agency.name}</label>
      </th>
      <td>
        <select
          id={selectId}
          data-testid="monitoring-select"
          value={settings.data?.monitoringUserId ?? ''}
          disabled={!settings.data || update.isPending}
          onChange={(e) => update.mutate({ monitoringUserId: e.target.value || null })}
        >
          <option value="">{t('people.choose')}</option>
          {officers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.fullName}
            </option>
          ))}
        </select>
        <ApiErrorAlert error={update.error ?? settings.error} />
      </td>
    </tr>
  );
}
