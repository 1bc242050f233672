export { parseDirective, taskTitle } from './parse-directive.js';
export {
  DIRECTIVE_KINDS,
  DELIVERABLE_TYPES,
  TASK_FIELDS,
  REASON_CODES,
  type ReasonCode,
  type FieldReason,
  type TaskReasons,
  type DirectiveKind,
  type DeliverableType,
  type TaskField,
  type DirectiveMetadata,
  type ProposedAgency,
  type ProposedTask,
  type TaskSource,
  type WorkItem,
  type WorkItemCount,
  type WorkItemReconciliation,
  type ParsedDirective,
  type ParseDirectiveOptions,
} from './directive.model.js';
export {
  createAgencyMatcher,
  agencyKey,
  expandAbbreviations,
  type RegistryAgency,
  type AgencyMatch,
  type AgencyMatcher,
  type AgencyCandidate,
} from './agency-matcher.js';
export {
  parseDeadline,
  findDeadline,
  findPeriods,
  numberFromWords,
  type Deadline,
  type DeadlineFrom,
  type DeadlineOptions,
} from './deadline.parser.js';
export { normalizeText, modernizeToneMarks } from './normalize-text.js';
export { repairOcrNoise, isNoiseLine } from './ocr-repair.js';
export { suggestLeadByTopic, type TopicLead } from './topic-lead.js';
export {
  parseAssignment,
  splitAssignments,
  splitAgencyList,
  looksLikeAgency,
  isGenericAgency,
  type Assignment,
  type AssignmentClause,
} from './assignment.parser.js';
export { parseCatalogTables, parseDeclaredCount, type CatalogTable, type CatalogRow } from './catalog-table.parser.js';
export { parseDirectiveMetadata } from './directive-metadata.parser.js';
export { classifyDeliverable, classifyField, countWorkItems } from './task-classifier.js';
export { toCliOutput, type CliOutput } from './cli-output.js';
export * from './scoring/score-directive.js';
