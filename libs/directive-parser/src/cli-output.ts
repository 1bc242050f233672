import type { DeliverableType, DirectiveKind, ParsedDirective, TaskField, TaskReasons } from './directive.model.js';

/** The JSON `npm run parse-directive` prints: the review screen's fields, agencies by name. */
export interface CliOutput {
  directive: {
    number: string | null;
    kind: DirectiveKind;
    issuedAt: string | null;
    issuer: string | null;
    signer: string | null;
    title: string;
    place: string | null;
    period: string | null;
  };
  tasks: Array<{
    title: string;
    text: string;
    deliverableType: DeliverableType;
    leadAgency: string | null;
    leadAgencyCode: string | null;
    coordinatingAgencies: string[];
    dueText: string | null;
    dueDate: string | null;
    milestones: string[];
    recurring: boolean;
    workingDays: { days: number; from: 'assigned' | 'received' } | null;
    continuous: boolean;
    field: TaskField | null;
    /** The agency whose remit the work is, when no lead is named. */
    suggestedLead: string | null;
    confidence: number;
    lines: [number, number];
    /** Why each field reads as it does: "lead-in-text: Ban Tuyên giáo Tỉnh ủy". */
    reasons: Record<keyof TaskReasons, string>;
  }>;
  unmatchedAgencies: string[];
  workItems: ParsedDirective['workItems'];
  warnings: string[];
}

export function toCliOutput(parsed: ParsedDirective): CliOutput {
  const { directive } = parsed;
  return {
    directive: {
      number: directive.number,
      kind: directive.kind,
      issuedAt: directive.issuedAt,
      issuer: directive.issuer,
      signer: directive.signer,
      title: directive.title,
      place: directive.place,
      period: parsed.period?.text ?? null,
    },
    tasks: parsed.tasks.map((task) => ({
      title: task.title,
      text: task.text,
      deliverableType: task.deliverableType,
      leadAgency: task.leadAgency?.name ?? null,
      leadAgencyCode: task.leadAgency?.code ?? null,
      coordinatingAgencies: task.coordinatingAgencies.map((a) => a.name),
      dueText: task.dueText,
      dueDate: task.dueDate,
      milestones: task.milestones,
      recurring: task.recurring,
      workingDays: task.workingDays,
      continuous: task.continuous,
      field: task.field,
      suggestedLead: task.suggestedLead?.name ?? null,
      confidence: task.confidence,
      lines: [task.source.startLine, task.source.endLine],
      reasons: Object.fromEntries(
        Object.entries(task.reasons).map(([field, r]) => [field, r.evidence ? `${r.code}: ${r.evidence}` : r.code]),
      ) as Record<keyof TaskReasons, string>,
    })),
    unmatchedAgencies: parsed.unmatchedAgencies,
    workItems: parsed.workItems,
    warnings: parsed.warnings,
  };
}
