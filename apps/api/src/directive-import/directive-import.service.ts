import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type {
  ConfirmDirectiveImportRequest,
  ConfirmDirectiveImportResponse,
  DirectiveImportProposal,
} from '@dondoc/contracts';
import { addInitialMilestones, checkMilestoneDates } from '../milestones/initial-milestones.js';
import { taskCode, type TaskRow } from '@dondoc/persistence';
import { higherClassification, isClassified, isRecordOnly, localDate } from '@dondoc/workflow';
import { AgenciesRepository } from '../agencies/agencies.repository.js';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { checkContentReference, RECORD_ONLY_DIRECTIVE_TITLE } from '../classification/classification-rules.js';
import { ClassificationRepository } from '../classification/classification.repository.js';
import { toDirectiveDto } from '../directives/directive-dto.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { cleanFileName } from '../submissions/file-type-check.js';
import { TaskChangesService, type ChangeTransaction } from '../task-changes/task-changes.service.js';
import { bulkRefused } from '../tasks/bulk-tasks.use-case.js';
import { decideTransition } from '../tasks/bulk-task-decision.js';
import { policyFor } from '../tasks/schedule-change.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import type { UploadedDocument } from './document-text.js';
import { emptyDocument } from './import-refusal.js';
import type { ImportJob, ImportJobResult } from './import-job.js';
import { ImportPoolBusy, ImportWorkerPool, OCR_IMPORT_LIMITS } from './import-worker-pool.js';
import { DirectivesRepository } from '../directives/directives.repository.js';
import { DirectiveImportRepository } from './directive-import.repository.js';
import { assignDueDate, hasAssignableDeadline, importedTaskOf } from './imported-task.js';
import { toProposal } from './to-proposal.js';

function directiveExists(number: string): ApiError {
  return new ApiError(
    409,
    'DIRECTIVE_EXISTS',
    `Văn bản số ${number} đã được nhập trước đây; không tạo lại / Directive ${number} is already registered`,
  );
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class DirectiveImportService implements OnModuleDestroy {
  /** Untrusted documents are expanded and parsed in worker threads, under a memory limit and a time budget. */
  private readonly workers = new ImportWorkerPool();
  /** Scans and images, read by OCR: threads of their own, with a longer budget, so typed imports never wait. */
  private readonly ocrWorkers = new ImportWorkerPool(OCR_IMPORT_LIMITS);

  constructor(
    private readonly repo: DirectiveImportRepository,
    private readonly directives: DirectivesRepository,
    private readonly agencies: AgenciesRepository,
    private readonly tasks: TasksRepository,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: ClassificationRepository,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.workers.close(), this.ocrWorkers.close()]);
  }

  /** Reads the document in the import threads; one that needs OCR again in the OCR threads. */
  private async read(job: ImportJob): Promise<ImportJobResult> {
    try {
      const result = await this.workers.run(job);
      if (result.ok || !result.needsOcr) return result;
      return await this.ocrWorkers.run({ ...job, ocr: this.config.ocr });
    } catch (err) {
      if (err instanceof ImportPoolBusy) throw new ApiError(503, 'SERVICE_UNAVAILABLE', err.message);
      throw err;
    }
  }

  /** Reads the directive and proposes its tasks; writes nothing. */
  async propose(userId: string, input: { text?: string; file?: UploadedDocument }): Promise<DirectiveImportProposal> {
    if (!input.file && !/\S/.test(input.text ?? '')) {
      const refusal = emptyDocument('Hãy dán văn bản hoặc chọn tệp / Paste the text or choose a file');
      throw new ApiError(refusal.status, refusal.code, refusal.message);
    }
    const registry = await this.repo.activeAgencies(userId);
    const result = await this.read({
      text: input.file ? undefined : input.text,
      file: input.file ? { originalname: input.file.originalname, buffer: input.file.buffer } : undefined,
      agencies: registry,
      today: localDate(new Date()),
    });
    if (!result.ok) {
      // The OCR threads read with OCR: they never answer `needsOcr`.
      if (result.needsOcr) throw new Error('directive import: the OCR threads asked for OCR');
      const { status, code, message, details } = result.refusal;
      throw new ApiError(status, code, message, details);
    }
    const { parsed } = result;
    const source: DirectiveImportProposal['source'] = {
      kind: result.kind,
      fileName: input.file ? cleanFileName(input.file.originalname) : null,
      characters: result.characters,
      lines: result.lines,
      ocr: result.ocr,
      pages: result.pages,
    };
    if (!parsed.tasks.length) {
      throw new ApiError(
        422,
        'NO_TASKS_FOUND',
        'Không tìm thấy nhiệm vụ nào trong văn bản (cần các mục đánh số hoặc bảng danh mục) / ' +
          'No task was found in the text (numbered items or a catalog table are expected)',
      );
    }
    const number = parsed.directive.number;
    const existingDirectiveId = number ? await this.directives.idByNumber(number, userId) : null;
    return toProposal(parsed, { existingDirectiveId, source });
  }

  /**
   * Creates the directive and every task in `drafted`, in one transaction; nothing at all on any refusal.
   * With `assign` the drafts are also assigned in that transaction, each through the writer as a single ASSIGN.
   */
  async confirm(
    user: AuthUser,
    input: ConfirmDirectiveImportRequest,
    requestId: string | null = null,
  ): Promise<ConfirmDirectiveImportResponse> {
    if (input.assign) {
      const incomplete = input.tasks.flatMap((t, i) => [
        ...(t.leadAgencyId ? [] : [{ path: `tasks.${i}.leadAgencyId`, message: 'required to assign' }]),
        // Working days are counted at ASSIGN; continuous work cannot be assigned without a date yet.
        ...(hasAssignableDeadline(t) ? [] : [{ path: `tasks.${i}.dueDate`, message: 'required to assign' }]),
      ]);
      if (incomplete.length) {
        const rows = [...new Set(incomplete.map((x) => Number(x.path.split('.')[1]) + 1))];
        throw new ApiError(
          400,
          'IMPORT_ASSIGN_INCOMPLETE',
          `Nhiệm vụ ${rows.join(', ')} chưa có cơ quan chủ trì hoặc thời hạn, chưa thể giao / ` +
            `Task(s) ${rows.join(', ')} lack a lead agency or a due date and cannot be assigned`,
          incomplete,
        );
      }
    }
    input.tasks.forEach((t, i) => {
      if (t.leadAgencyId && t.coordinatingAgencyIds?.includes(t.leadAgencyId)) {
        throw new ApiError(
          400,
          'VALIDATION_FAILED',
          `Nhiệm vụ ${i + 1}: cơ quan chủ trì không thể đồng thời là cơ quan phối hợp / ` +
            `Task ${i + 1}: the lead agency cannot also be a coordinating agency`,
          [{ path: `tasks.${i}.coordinatingAgencyIds`, message: 'contains the lead agency' }],
        );
      }
    });
    input.tasks.forEach((t, i) => checkMilestoneDates(t.dueDate, t.milestones ?? [], i));
    const ids = input.tasks.flatMap((t) => [
      ...(t.leadAgencyId ? [t.leadAgencyId] : []),
      ...(t.coordinatingAgencyIds ?? []),
    ]);
    const unknown = [...new Set(await this.agencies.unknownIds(ids, user.organisationId))];
    if (unknown.length) {
      throw new ApiError(
        400,
        'UNKNOWN_AGENCY',
        `Cơ quan không tồn tại hoặc đã ngừng hoạt động / Unknown or disabled agency: ${unknown.join(', ')}`,
      );
    }
    const { number } = input.directive;
    if (await this.directives.idByNumber(number, user.id)) throw directiveExists(number);
    const level = input.directive.classification ?? 'normal';
    checkContentReference(level, input.directive.contentReference);
    for (const t of input.tasks) {
      checkContentReference(
        higherClassification(t.classification ?? 'normal', level),
        t.contentReference ?? input.directive.contentReference,
      );
    }
    // Its tasks take its level and its list (the writer copies it); tuyệt mật keeps only the record.
    const directiveInput = isRecordOnly(level)
      ? { ...input.directive, title: RECORD_ONLY_DIRECTIVE_TITLE }
      : input.directive;
    const access = isClassified(level)
      ? [user.id, ...(await this.access.defaultUserIds(this.config.classifiedDefaultAccess, user.organisationId))]
      : [];
    const actor = toActor(user);
    try {
      return await this.changes.transaction(async (tx) => {
        const directive = await this.repo.insertDirective(tx.manager, directiveInput, user.id, access);
        if (!directive) throw directiveExists(number);
        const codes = input.tasks.map((_, i) => taskCode(directive.number, i));
        const taken = await this.tasks.codesTaken(tx.manager, codes);
        if (taken.length) {
          throw new ApiError(409, 'DUPLICATE', `Mã nhiệm vụ đã có / Task code(s) already in use: ${taken.join(', ')}`);
        }
        // A row above the directive's level starts with its own list (the default and the importer), not the directive's.
        const drafts = input.tasks.map((t, i) => {
          const own = higherClassification(t.classification ?? 'normal', level);
          return {
            ...importedTaskOf(codes[i], t),
            classification: own,
            contentReference:
              t.contentReference ?? (isRecordOnly(own) ? (input.directive.contentReference ?? null) : null),
            inheritAccess: own === level,
          };
        });
        const rows = await tx.create(directive.id, drafts, actor, { data: { source: 'import' }, requestId });
        const defaults = await this.access.defaultUserIds(
          this.config.classifiedDefaultAccess,
          user.organisationId,
          tx.manager,
        );
        for (const row of rows) {
          if (row.classification !== level && isClassified(row.classification)) {
            await this.access.add(tx.manager, { kind: 'task', id: row.id }, [user.id, ...defaults], user.id);
          }
        }
        for (const [i, row] of rows.entries()) {
          await addInitialMilestones(
            tx,
            row,
            input.tasks[i].milestones ?? [],
            actor,
            this.config.escalation,
            requestId,
          );
        }
        if (input.assign) {
          // The milestones' history rows left the version alone; read the rows again all the same. One at a time:
          // they share the transaction's connection, and pg deprecates queries sent while one is running.
          const fresh: typeof rows = [];
          for (const r of rows) fresh.push((await tx.lock(r.id)) ?? r);
          await this.assignCreated(tx, fresh, input, actor, requestId);
        }
        const tasks = rows.map((r) => ({ id: r.id, code: r.code }));
        return { directive: toDirectiveDto(directive), taskIds: tasks.map((t) => t.id), tasks };
      });
    } catch (err) {
      // A task code taken by a concurrent write after our check: the whole import rolled back.
      if ((err as { code?: string }).code === UNIQUE_VIOLATION) {
        const constraint = (err as { constraint?: string }).constraint ?? '';
        if (constraint.startsWith('directives')) throw directiveExists(number);
        throw new ApiError(409, 'DUPLICATE', 'Mã nhiệm vụ đã có / A task code is already in use; nothing was created');
      }
      throw err;
    }
  }

  /** Assigns the drafts just created, as the single ASSIGN would; one refusal rolls the whole import back. */
  private async assignCreated(
    tx: ChangeTransaction,
    rows: TaskRow[],
    input: ConfirmDirectiveImportRequest,
    actor: ReturnType<typeof toActor>,
    requestId: string | null,
  ): Promise<void> {
    const now = new Date();
    // "Trong N ngày làm việc" is fixed on the calendar in force, as a single assignment does.
    const calendar = await tx.calendar();
    // The agencies were checked above; a new directive has no escalation policy of its own.
    const ctx = { actor, now, requestId, calendar, isActiveAgency: () => true };
    const policy = policyFor(this.config.escalation, null);
    const refusals = [];
    for (const [i, row] of rows.entries()) {
      const t = input.tasks[i];
      const d = decideTransition(
        { row, pendingSubmission: null, policy },
        { type: 'ASSIGN', leadAgencyId: t.leadAgencyId ?? undefined, dueDate: assignDueDate(t, calendar, now) },
        row.version,
        ctx,
      );
      if (!d.ok) {
        refusals.push(d.refusal);
        continue;
      }
      if (!(await tx.apply(d.change))) {
        refusals.push({ taskId: row.id, code: 'VERSION_CONFLICT', message: 'Changed meanwhile' });
      }
    }
    if (refusals.length) throw bulkRefused(refusals);
  }
}
