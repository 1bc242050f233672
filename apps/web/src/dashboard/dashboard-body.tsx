import type { ReportAgencyRow } from '@dondoc/contracts';
import type { ReactNode } from 'react';
import { AgencyTable } from './agency-table';
import { DirectiveProgress } from './directive-progress';
import { EscalationList } from './escalation-list';
import { HeadlineFigures } from './headline-figures';
import { OverdueByAgencyChart } from './overdue-by-agency-chart';
import { CoordinationTable, KeyTaskFigures, MilestoneTable } from './parts-tables';
import { StatusByFieldChart } from './status-by-field-chart';
import type { DashboardData } from './use-dashboard-data';

interface Props {
  data: DashboardData;
  /** The chart over time: live views compute it; a snapshot stores none (null). */
  trend: ReactNode;
  onUrge?: (row: ReportAgencyRow) => void;
  urgingAgencyId?: string | null;
}

/** The figures, charts and lists; the same for live figures and a frozen snapshot. */
export function DashboardBody({ data, trend, onUrge, urgingAgencyId }: Props) {
  return (
    <>
      <HeadlineFigures summary={data.summary} reviewQueue={data.reviewQueue} averages={data.averages} />
      <div className="dash-grid dash-charts">
        {trend}
        <OverdueByAgencyChart report={data.byAgency} />
        <StatusByFieldChart report={data.byField} />
      </div>
      <AgencyTable report={data.byAgency} onUrge={onUrge} urgingAgencyId={urgingAgencyId} />
      <div className="dash-grid dash-parts">
        <KeyTaskFigures figures={data.summary.keyFigures} />
        <CoordinationTable report={data.coordination} />
        <MilestoneTable report={data.milestones} />
      </div>
      <div className="dash-grid dash-lists">
        <DirectiveProgress report={data.byDirective} />
        <EscalationList report={data.escalations} />
      </div>
    </>
  );
}
