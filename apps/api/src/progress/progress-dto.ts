import type { ProgressReportDto, TaskPeriodAskDto } from '@dondoc/contracts';
import type { PartFileRow, PeriodAskRow, ProgressReportRow } from './progress.repository.js';

export function toProgressReportDto(r: ProgressReportRow, files: PartFileRow[]): ProgressReportDto {
  return {
    id: r.id,
    taskId: r.task_id,
    percent: r.percent,
    narrative: r.narrative,
    periodId: r.period_id,
    periodLabel: r.period_label,
    agencyId: r.agency_id,
    reportedBy: r.reported_by,
    reportedByName: r.reported_by_name,
    createdAt: r.created_at.toISOString(),
    files: files
      .filter((f) => f.owner_id === r.id)
      .map((f) => ({ id: f.id, fileName: f.file_name, mimeType: f.mime_type, sizeBytes: f.size_bytes })),
  };
}

export function toPeriodAskDto(r: PeriodAskRow): TaskPeriodAskDto {
  return { periodId: r.period_id, label: r.label, dueDate: r.due_date, reported: r.reported };
}
