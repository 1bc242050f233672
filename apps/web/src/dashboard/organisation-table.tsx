import type { ReportByOrganisation } from '@dondoc/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api-client';
import { useOrganisations } from '../api/use-organisations';
import { reportKeys } from './report-query-keys';
import type { OrganisationScope } from './use-dashboard-params';
import { useFormatters } from './use-formatters';

interface Props {
  asOf: string;
  scope: OrganisationScope;
  /** Opens one committee's figures (the row's name is the link). */
  onPick: (organisationId: string) => void;
}

/**
 * The table by district: the committee's own work, then each committee directly below it with everything under
 * it, so the province sees at a glance which district is behind. Shown only where there is a tree below.
 */
export function OrganisationTable({ asOf, scope, onPick }: Props) {
  const { t } = useTranslation();
  const { num, pct } = useFormatters();
  const { hasTree } = useOrganisations();
  // The table is of the committee chosen, always with its subtree: it is what the rows split.
  const query = { asOf: asOf || undefined, organisationId: scope.organisationId };
  const report = useQuery({
    queryKey: reportKeys.view('by-organisation', asOf, { organisationId: scope.organisationId }),
    queryFn: ({ signal }) => api<ReportByOrganisation>('/reports/by-organisation', { query, signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    refetchInterval: asOf ? false : 60_000,
    enabled: hasTree,
  });
  if (!hasTree || !report.data || report.data.rows.length < 2) return null;
  return (
    <section className="dash-card dash-organisations" data-testid="dashboard-by-organisation">
      <h2>{t('dashboard.organisations.title')}</h2>
      <div className="table-scroll">
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.organisations.name')}</th>
              <th scope="col">{t('dashboard.organisations.total')}</th>
              <th scope="col">{t('dashboard.organisations.finished')}</th>
              <th scope="col">{t('dashboard.organisations.overdue')}</th>
              <th scope="col">{t('dashboard.organisations.dueSoon')}</th>
              <th scope="col">{t('dashboard.organisations.onTimeRate')}</th>
            </tr>
          </thead>
          <tbody>
            {report.data.rows.map((row) => (
              <tr key={`${row.organisationId}-${String(row.own)}`} data-testid={`organisation-row-${row.code}`}>
                <th scope="row">
                  {row.own ? (
                    t('dashboard.organisations.own', { name: row.name })
                  ) : (
                    <button type="button" className="link-button" onClick={() => onPick(row.organisationId)}>
                      {row.name}
                    </button>
                  )}
                </th>
                <td>{num(row.figures.total)}</td>
                <td>{num(row.figures.finished)}</td>
                <td className={row.figures.overdue > 0 ? 'is-overdue' : undefined}>{num(row.figures.overdue)}</td>
                <td>{num(row.figures.dueSoon)}</td>
                <td>{pct(row.figures.onTimeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
