import type { ReportFilters } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/use-agencies';
import { useDirectives } from '../api/use-directives';
import { formatDate, formatDateTime } from '../common/format';
import { useSnapshots } from './use-snapshots';

interface Props {
  openId: string;
  onOpen: (id: string) => void;
}

/** Who froze which figures when, with what scope; each opens read-only. */
export function SnapshotList({ openId, onOpen }: Props) {
  const { t } = useTranslation();
  const query = useSnapshots();
  const { byId: agencies } = useAgencies();
  const { byId: directives } = useDirectives();
  const scope = (f: ReportFilters) => {
    const parts = [
      f.directiveId &&
        t('dashboard.filters.directive', { value: directives.get(f.directiveId)?.number ?? f.directiveId }),
      f.agencyId && t('dashboard.filters.agency', { value: agencies.get(f.agencyId)?.name ?? f.agencyId }),
      f.field && t('dashboard.filters.field', { value: t(`field.${f.field}`) }),
      f.deliverableType && t('dashboard.filters.deliverableType', { value: f.deliverableType }),
    ].filter(Boolean);
    return parts.length ? parts.join(', ') : t('dashboard.snapshots.allScope');
  };

  return (
    <section className="dash-card dash-wide" aria-labelledby="snapshot-list-title" data-testid="snapshot-list">
      <h2 id="snapshot-list-title">{t('dashboard.snapshots.title')}</h2>
      <p className="dash-hint">{t('dashboard.snapshots.hint')}</p>
      {query.isPending ? (
        <p className="dash-empty" role="status">
          {t('dashboard.snapshots.loading')}
        </p>
      ) : query.isError ? (
        <p className="dash-error" role="alert">
          {t('dashboard.snapshots.error')}
        </p>
      ) : query.data.items.length === 0 ? (
        <p className="dash-empty">{t('dashboard.snapshots.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="dash-table snapshot-table">
            <thead>
              <tr>
                <th scope="col">{t('dashboard.snapshots.name')}</th>
                <th scope="col">{t('dashboard.snapshots.asOf')}</th>
                <th scope="col">{t('dashboard.snapshots.params')}</th>
                <th scope="col">{t('dashboard.snapshots.createdBy')}</th>
                <th scope="col">{t('dashboard.snapshots.createdAt')}</th>
                <th scope="col">
                  <span className="sr-only">{t('dashboard.snapshots.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {query.data.items.map((s) => (
                <tr key={s.id} className={s.id === openId ? 'is-open' : undefined} data-snapshot-id={s.id}>
                  <th scope="row">{s.title}</th>
                  <td>
                    {formatDate(s.asOf)}{' '}
                    {s.live && <span className="cell-note">{t('dashboard.snapshots.liveMark')}</span>}
                  </td>
                  <td>{scope(s.filters)}</td>
                  <td>{s.createdBy.fullName ?? t('dashboard.snapshots.unknownUser')}</td>
                  <td>{formatDateTime(s.createdAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      data-testid="snapshot-open"
                      aria-label={`${t('dashboard.snapshots.open')}: ${s.title}`}
                      onClick={() => onOpen(s.id)}
                    >
                      {t('dashboard.snapshots.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
