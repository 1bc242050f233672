import type { AgencyDto } from '@dondoc/contracts';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardStatePanel } from '../board/board-state-panel';
import { AdminErrorAlert } from './admin-error-alert';
import { AGENCY_KINDS, AgencyDialog } from './agency-dialog';
import { AGENCY_ERROR_KEYS } from './agency-errors';
import { moveId, orderChanged, reconcileOrder } from './agency-order-model';
import { useAdminAgencies } from './use-admin-agencies';
import { useAgencyMutations } from './use-agency-mutations';

type OpenDialog = { kind: 'create' } | { kind: 'edit'; agency: AgencyDto } | null;
const COLUMNS = ['place', 'name', 'code', 'kind', 'status', 'actions'] as const;

/**
 * The agencies: every one, disabled ones too, in the official order the API answers with. The order is
 * edited with "Lên"/"Xuống" buttons (focus follows the agency moved, so it can be moved again from the
 * keyboard) and saved whole; register, rename or reclassify in a dialog, disable or enable in the row.
 */
export function AgenciesPanel() {
  const { t } = useTranslation();
  const agencies = useAdminAgencies();
  const { update, setOrder } = useAgencyMutations();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState('');
  const [draft, setDraft] = useState<string[] | null>(null);
  const [focus, setFocus] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);

  const serverIds = useMemo(() => (agencies.data ?? []).map((a) => a.id), [agencies.data]);
  const ids = useMemo(() => (draft ? reconcileOrder(draft, serverIds) : serverIds), [draft, serverIds]);
  const dirty = orderChanged(ids, serverIds);
  const rows = ids.flatMap((id) => agencies.byId.get(id) ?? []);

  useEffect(() => {
    if (!focus) return;
    const agency = agencies.byId.get(focus.id);
    if (!agency) return;
    const wanted = document.querySelector<HTMLButtonElement>(`[data-testid="agency-${focus.dir}-${agency.code}"]`);
    const other = document.querySelector<HTMLButtonElement>(
      `[data-testid="agency-${focus.dir === 'up' ? 'down' : 'up'}-${agency.code}"]`,
    );
    (wanted && !wanted.disabled ? wanted : other)?.focus();
    setFocus(null);
  }, [focus, agencies.byId]);

  const move = (agency: AgencyDto, index: number, dir: 'up' | 'down') => {
    const next = moveId(ids, index, dir === 'up' ? -1 : 1);
    setDraft(next);
    setFocus({ id: agency.id, dir });
    setOrder.reset();
    setNotice(t('admin.agencies.done.moved', { name: agency.name, place: next.indexOf(agency.id) + 1 }));
  };
  const saveOrder = () => {
    setNotice('');
    setOrder.mutate(ids, {
      onSuccess: () => {
        setDraft(null);
        setNotice(t('admin.agencies.done.ordered'));
      },
    });
  };
  const toggleActive = (agency: AgencyDto) => {
    const active = !agency.active;
    setNotice('');
    update.mutate(
      { id: agency.id, body: { active } },
      {
        onSuccess: () =>
          setNotice(t(active ? 'admin.agencies.done.enabled' : 'admin.agencies.done.disabled', { name: agency.name })),
      },
    );
  };
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };
  const kindLabel = (kind: string) =>
    AGENCY_KINDS.includes(kind as (typeof AGENCY_KINDS)[number]) ? t(`admin.agencies.kinds.${kind}`) : kind;

  return (
    <section
      className="admin-accounts admin-agencies"
      aria-labelledby="admin-agencies-title"
      data-testid="agencies-panel"
    >
      <div className="admin-toolbar">
        <h2 id="admin-agencies-title">
          {t('admin.agencies.title')}
          {agencies.data && ` (${t('admin.agencies.count', { count: agencies.data.length })})`}
        </h2>
        <div className="admin-actions">
          <button
            type="button"
            className="btn"
            data-testid="agency-order-undo"
            disabled={!dirty || setOrder.isPending}
            onClick={() => {
              setDraft(null);
              setOrder.reset();
              setNotice('');
            }}
          >
            {t('admin.agencies.actions.undoOrder')}
          </button>
          <button
            type="button"
            className="btn"
            data-testid="agency-order-save"
            disabled={!dirty || setOrder.isPending}
            onClick={saveOrder}
          >
            {setOrder.isPending ? t('admin.agencies.actions.savingOrder') : t('admin.agencies.actions.saveOrder')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="agency-create"
            onClick={() => {
              setNotice('');
              setDialog({ kind: 'create' });
            }}
          >
            {t('admin.agencies.actions.create')}
          </button>
        </div>
      </div>
      <p className="hint">{t('admin.agencies.intro')}</p>
      <p className="admin-notice" role="status" data-testid="agency-notice">
        {notice}
        {dirty && !notice ? t('admin.agencies.orderDirty') : ''}
      </p>
      <AdminErrorAlert error={setOrder.error} testId="agency-order-error" codes={AGENCY_ERROR_KEYS} />
      <AdminErrorAlert error={update.error} testId="agency-toggle-error" codes={AGENCY_ERROR_KEYS} />

      {agencies.isPending && <BoardStatePanel testId="agencies-loading" title={t('admin.agencies.loading')} />}
      {agencies.isError && (
        <BoardStatePanel testId="agencies-error" role="alert" title={t('admin.agencies.loadTitle')}>
          <AdminErrorAlert error={agencies.error} codes={AGENCY_ERROR_KEYS} />
          <button type="button" className="btn" onClick={() => void agencies.refetch()}>
            {t('common.retry')}
          </button>
        </BoardStatePanel>
      )}
      {agencies.data &&
        (rows.length === 0 ? (
          <BoardStatePanel testId="agencies-empty" title={t('admin.agencies.empty')} />
        ) : (
          <div className="admin-table-wrap">
            <table className="admin-table" data-testid="agencies-table" data-dirty={String(dirty)}>
              <caption className="sr-only">{t('admin.agencies.title')}</caption>
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col">
                      {t(`admin.agencies.columns.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((a, index) => {
                  const toggle = a.active ? t('admin.agencies.actions.disable') : t('admin.agencies.actions.enable');
                  const busy = update.isPending && update.variables?.id === a.id;
                  return (
                    <tr
                      key={a.id}
                      data-testid={`agency-row-${a.code}`}
                      data-active={String(a.active)}
                      className={a.active ? undefined : 'is-disabled'}
                    >
                      <td className="admin-place">{index + 1}</td>
                      <td data-testid="agency-name">{a.name}</td>
                      <td className="admin-username">{a.code}</td>
                      <td>{kindLabel(a.kind)}</td>
                      <td>
                        <span
                          className={`admin-status ${a.active ? 'is-active' : 'is-off'}`}
                          data-testid="agency-status"
                        >
                          {a.active ? t('admin.agencies.status.active') : t('admin.agencies.status.disabled')}
                        </span>
                      </td>
                      <td>
                        <div className="admin-actions">
                          <button
                            type="button"
                            className="btn"
                            data-testid={`agency-up-${a.code}`}
                            aria-label={t('admin.agencies.actions.upLabel', { name: a.name })}
                            disabled={index === 0 || setOrder.isPending}
                            onClick={() => move(a, index, 'up')}
                          >
                            <span aria-hidden="true">↑ </span>
                            {t('admin.agencies.actions.up')}
                          </button>
                          <button
                            type="button"
                            className="btn"
                            data-testid={`agency-down-${a.code}`}
                            aria-label={t('admin.agencies.actions.downLabel', { name: a.name })}
                            disabled={index === rows.length - 1 || setOrder.isPending}
                            onClick={() => move(a, index, 'down')}
                          >
                            <span aria-hidden="true">↓ </span>
                            {t('admin.agencies.actions.down')}
                          </button>
                          <button
                            type="button"
                            className="btn"
                            data-testid="agency-edit"
                            aria-label={t('admin.agencies.actions.rowLabel', {
                              action: t('admin.agencies.actions.edit'),
                              name: a.name,
                            })}
                            onClick={() => {
                              setNotice('');
                              setDialog({ kind: 'edit', agency: a });
                            }}
                          >
                            {t('admin.agencies.actions.edit')}
                          </button>
                          <button
                            type="button"
                            className="btn"
                            data-testid="agency-toggle-active"
                            aria-label={t('admin.agencies.actions.rowLabel', { action: toggle, name: a.name })}
                            disabled={busy}
                            onClick={() => toggleActive(a)}
                          >
                            {busy ? t('admin.form.saving') : toggle}
                          </button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}

      {dialog?.kind === 'create' && (
        <AgencyDialog
          onClose={() => setDialog(null)}
          onDone={(a) => done(t('admin.agencies.done.created', { name: a.name }))}
        />
      )}
      {dialog?.kind === 'edit' && (
        <AgencyDialog
          agency={dialog.agency}
          onClose={() => setDialog(null)}
          onDone={(a) => done(t('admin.agencies.done.updated', { name: a.name }))}
        />
      )}
    </section>
  );
}
