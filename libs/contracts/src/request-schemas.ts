import { z } from 'zod';
import { confirmDirectiveImportRequestSchema, directiveImportRequestSchema } from './directive-import.js';
import { createReportSnapshotSchema } from './reports.js';
import {
  agencySettingsRequestSchema,
  milestoneDoneRequestSchema,
  setMilestonesRequestSchema,
  setTaskPeopleRequestSchema,
} from './task-people.js';
import { bulkTaskActionRequestSchema, taskExportRequestSchema, urgingLettersRequestSchema } from './task-bulk.js';
import {
  agencyOrderRequestSchema,
  createAgencyRequestSchema,
  createCommentRequestSchema,
  createDirectiveRequestSchema,
  createExtensionRequestSchema,
  createTaskRequestSchema,
  createUserRequestSchema,
  setAccessListRequestSchema,
  setClassificationRequestSchema,
  extensionDecisionRequestSchema,
  loginRequestSchema,
  resetPasswordRequestSchema,
  transitionRequestSchema,
  updateAgencyRequestSchema,
  updateTaskRequestSchema,
  updateUserRequestSchema,
} from './schemas.js';

/** Request bodies by name: `#/components/schemas/<id>` in the OpenAPI document, published as the pipes read them. */
export const requestSchemas = z.registry<{ id: string }>();
const named: Record<string, z.ZodType> = {
  LoginRequest: loginRequestSchema,
  CreateDirectiveRequest: createDirectiveRequestSchema,
  CreateTaskRequest: createTaskRequestSchema,
  UpdateTaskRequest: updateTaskRequestSchema,
  TransitionRequest: transitionRequestSchema,
  CreateCommentRequest: createCommentRequestSchema,
  CreateAgencyRequest: createAgencyRequestSchema,
  UpdateAgencyRequest: updateAgencyRequestSchema,
  AgencyOrderRequest: agencyOrderRequestSchema,
  CreateUserRequest: createUserRequestSchema,
  SetClassificationRequest: setClassificationRequestSchema,
  SetAccessListRequest: setAccessListRequestSchema,
  UpdateUserRequest: updateUserRequestSchema,
  ResetPasswordRequest: resetPasswordRequestSchema,
  CreateExtensionRequest: createExtensionRequestSchema,
  ExtensionDecisionRequest: extensionDecisionRequestSchema,
  CreateReportSnapshotRequest: createReportSnapshotSchema,
  DirectiveImportTextRequest: directiveImportRequestSchema,
  ConfirmDirectiveImportRequest: confirmDirectiveImportRequestSchema,
  UrgingLettersRequest: urgingLettersRequestSchema,
  BulkTaskActionRequest: bulkTaskActionRequestSchema,
  TaskExportRequest: taskExportRequestSchema,
  SetTaskPeopleRequest: setTaskPeopleRequestSchema,
  AgencySettingsRequest: agencySettingsRequestSchema,
  SetMilestonesRequest: setMilestonesRequestSchema,
  MilestoneDoneRequest: milestoneDoneRequestSchema,
};
for (const [id, schema] of Object.entries(named)) requestSchemas.add(schema, { id });
