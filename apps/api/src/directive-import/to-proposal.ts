import type {
  DeliverableTypeValue,
  DirectiveImportCandidate,
  DirectiveImportProposal,
  DirectiveImportTask,
  DirectiveImportUnmatchedAgency,
  DirectiveKindValue,
} from '@dondoc/contracts';
import type {
  AgencyCandidate,
  DirectiveKind,
  ParsedDirective,
  ProposedAgency,
  ProposedTask,
} from '@dondoc/directive-parser';

/** The parser's document kinds (as printed) → the kinds the directives table knows. */
const KIND: Record<DirectiveKind, DirectiveKindValue> = {
  'chuong-trinh-hanh-dong': 'action_program',
  'ket-luan': 'conclusion',
  'thong-bao-ket-luan': 'conclusion',
  'chuong-trinh-chi-dao': 'monthly_program',
  'nghi-quyet': 'resolution',
  'chi-thi': 'other',
  'ke-hoach': 'plan',
  // A state body's notice ("THÔNG BÁO Kết luận của Chủ tịch UBND tỉnh …"): the notices imported as directives are
  // conclusions, as a Party committee's are.
  'thong-bao': 'conclusion',
  'cong-van': 'other',
  'quyet-dinh': 'other',
  khac: 'other',
};

/** The parser speaks the command line's kebab-case (`de-an`); the contracts use snake_case (`de_an`). */
export function toDeliverableType(type: string): DeliverableTypeValue {
  return type.replace(/-/g, '_') as DeliverableTypeValue;
}

function candidates(list: readonly AgencyCandidate[]): DirectiveImportCandidate[] {
  return list
    .filter((c): c is AgencyCandidate & { id: string } => typeof c.id === 'string')
    .map((c) => ({ id: c.id, code: c.code, name: c.name, score: Math.round(c.score * 100) / 100 }));
}

function unmatched(a: ProposedAgency): DirectiveImportUnmatchedAgency {
  return { raw: a.raw, candidates: candidates(a.candidates) };
}

function toTask(t: ProposedTask): DirectiveImportTask {
  const lead = t.leadAgency;
  const suggested = !lead && t.suggestedLead?.matched && t.suggestedLead.id ? t.suggestedLead.id : null;
  const leadId = lead?.matched && lead.id ? lead.id : suggested;
  const coordinatingIds = [
    ...new Set(t.coordinatingAgencies.filter((a) => a.matched && a.id).map((a) => a.id as string)),
  ].filter((id) => id !== leadId);
  return {
    title: t.title,
    text: t.text,
    deliverableType: toDeliverableType(t.deliverableType),
    field: t.field ?? 'party_building',
    fieldFound: t.field !== null,
    leadAgencyId: leadId,
    leadAgencyUnmatched: lead && !leadId ? unmatched(lead) : null,
    coordinatingAgencyIds: coordinatingIds,
    coordinatingAgenciesUnmatched: t.coordinatingAgencies.filter((a) => !(a.matched && a.id)).map(unmatched),
    dueText: t.dueText,
    dueDate: t.dueDate,
    deadlineWorkingDays: t.workingDays?.days ?? null,
    deadlineFrom: t.workingDays?.from ?? null,
    continuous: t.continuous,
    milestones: t.milestones,
    leadSuggested: suggested !== null,
    confidence: Math.round(t.confidence * 100) / 100,
    reasons: t.reasons,
    source: {
      startLine: t.source.startLine,
      endLine: t.source.endLine,
      marker: t.source.marker,
      section: t.source.section,
    },
  };
}

export function toProposal(
  parsed: ParsedDirective,
  extra: Pick<DirectiveImportProposal, 'existingDirectiveId' | 'source'>,
): DirectiveImportProposal {
  const d = parsed.directive;
  return {
    directive: {
      number: d.number,
      kind: KIND[d.kind] ?? 'other',
      title: d.title,
      issuedOn: d.issuedAt,
      issuer: d.issuer,
      signer: d.signer,
      place: d.place,
    },
    existingDirectiveId: extra.existingDirectiveId,
    period: parsed.period,
    tasks: parsed.tasks.map(toTask),
    unmatchedAgencies: parsed.unmatchedAgencies,
    warnings: parsed.warnings,
    source: extra.source,
  };
}
