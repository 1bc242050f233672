import type { OrganisationDto } from '@dondoc/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../api/use-organisations';
import { BoardStatePanel } from '../board/board-state-panel';
import { CommitteeDialog } from './committee-dialog';

type OpenDialog = { kind: 'create' } | { kind: 'edit'; committee: OrganisationDto } | null;
const COLUMNS = ['name', 'code', 'kind', 'place', 'actions'] as const;

/**
 * The administrator's committee and those below it, as a tree (parents first, indented): add a committee under
 * any of them, rename one or set its place. Accounts and agencies are filed in them from the panels below.
 */
export function CommitteesPanel() {
  const { t } = useTranslation();
  const tree = useOrganisations();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState('');
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };

  return (
    <section
      className="admin-accounts admin-committees"
      aria-labelledby="admin-committees-title"
      data-testid="committees-panel"
    >
      <div className="admin-toolbar">
        <h2 id="admin-committees-title">{t('admin.committees.title')}</h2>
        <div className="admin-actions">
          <button
            type="button"
            className="btn btn-primary"
            data-testid="committee-create"
            disabled={!tree.data}
            onClick={() => {
              setNotice('');
              setDialog({ kind: 'create' });
            }}
          >
            {t('admin.committees.actions.create')}
          </button>
        </div>
      </div>
      <p className="hint">{t('admin.committees.intro')}</p>
      <p className="admin-notice" role="status" data-testid="committee-notice">
        {notice}
      </p>
      {tree.isPending && <BoardStatePanel testId="committees-loading" title={t('admin.agencies.loading')} />}
      {tree.data && (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="committees-table">
            <caption className="sr-only">{t('admin.committees.title')}</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {t(`admin.committees.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tree.organisations.map((o) => (
                <tr key={o.id} data-testid={`committee-row-${o.code}`}>
                  <td style={{ paddingInlineStart: `${0.5 + o.depth * 1.5}rem` }}>{o.name}</td>
                  <td className="admin-username">{o.code}</td>
                  <td>{t(`admin.committees.kinds.${o.kind}`)}</td>
                  <td className="admin-place">{o.sortOrder ?? ''}</td>
                  <td>
                    {o.depth > 0 && (
                      <button
                        type="button"
                        className="btn"
                        data-testid="committee-edit"
                        aria-label={t('admin.agencies.actions.rowLabel', {
                          action: t('admin.committees.actions.edit'),
                          name: o.name,
                        })}
                        onClick={() => {
                          setNotice('');
                          setDialog({ kind: 'edit', committee: o });
                        }}
                      >
                        {t('admin.committees.actions.edit')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'create' && (
        <CommitteeDialog
          onClose={() => setDialog(null)}
          onDone={(c) => done(t('admin.committees.done.created', { name: c.name }))}
        />
      )}
      {dialog?.kind === 'edit' && (
        <CommitteeDialog
          committee={dialog.committee}
          onClose={() => setDialog(null)}
          onDone={(c) => done(t('admin.committees.done.updated', { name: c.name }))}
        />
      )}
    </section>
  );
}
