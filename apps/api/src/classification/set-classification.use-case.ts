import { Inject, Injectable } from '@nestjs/common';
import type { DirectiveDto, SetClassificationRequest, TaskSummaryDto } from '@dondoc/contracts';
import { CalendarStore, searchTextOf, type TaskRow } from '@dondoc/persistence';
import {
  CLASSIFICATION_LABELS,
  classificationChangeRefusal,
  isClassified,
  isRecordOnly,
  type Classification,
  type ClassificationRefusalCode,
} from '@dondoc/workflow';
import { toActor, type AuthUser } from '../auth/auth-user.js';
import { ApiError } from '../common/api-error.js';
import { notOwnDirective, notOwnTask } from '../organisations/organisation-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DirectivesRepository } from '../directives/directives.repository.js';
import { toDirectiveDto } from '../directives/directive-dto.js';
import { TaskChangesService, type ChangeTransaction } from '../task-changes/task-changes.service.js';
import { toSummary, summaryViewOf } from '../tasks/task-summary.js';
import { FileSealingService } from '../submissions/file-sealing.service.js';
import { TasksRepository } from '../tasks/tasks.repository.js';
import { checkContentReference, RECORD_ONLY_DIRECTIVE_TITLE, RECORD_ONLY_TASK_TITLE } from './classification-rules.js';
import { ClassificationRepository } from './classification.repository.js';
import { ClassifiedItemsRepository } from './classified-items.repository.js';

const conflict = () =>
  new ApiError(
    409,
    'VERSION_CONFLICT',
    'Nhiệm vụ vừa được người khác thay đổi, hãy tải lại / Someone else changed this task a moment ago; reload it',
  );

function refused(code: ClassificationRefusalCode, floor?: Classification): ApiError {
  switch (code) {
    case 'INVALID_CLASSIFICATION':
      return new ApiError(400, 'VALIDATION_FAILED', 'Độ mật không hợp lệ / Unknown classification');
    case 'COMMENT_REQUIRED':
      return new ApiError(
        400,
        'COMMENT_REQUIRED',
        'Hạ độ mật cần ghi lý do, được lưu vào lịch sử / Lowering the classification needs a comment (kept in the history)',
      );
    case 'CLASSIFICATION_BELOW_DIRECTIVE':
      return new ApiError(
        409,
        'CLASSIFICATION_BELOW_DIRECTIVE',
        `Nhiệm vụ không thể thấp hơn độ mật của văn bản (${floor ? CLASSIFICATION_LABELS[floor].vi : ''}) / ` +
          `A task cannot be classified below its directive (${floor ? CLASSIFICATION_LABELS[floor].en : ''})`,
      );
    case 'SAME_CLASSIFICATION':
      return new ApiError(
        409,
        'SAME_CLASSIFICATION',
        'Độ mật không thay đổi / The classification is already this level',
      );
  }
}

function contentPresent(codes: string[]): ApiError {
  return new ApiError(
    409,
    'CLASSIFIED_CONTENT_PRESENT',
    'Tuyệt mật chỉ lưu thông tin theo dõi: nhiệm vụ đã có ý kiến, tệp hoặc báo cáo trên hệ thống / ' +
      `Top secret keeps only the record, and these tasks already hold comments, files or reports: ${codes.join(', ')}`,
  );
}

/**
 * Raising or lowering the level of a task or a directive (the Office). Raising is free; lowering needs a comment,
 * kept in the history; a task never goes below its directive, and a directive raised takes its tasks up with it.
 * An item that becomes classified gets its access list: the configured default (the Standing Committee), the
 * person who classified it, and for a task, its directive's list. Tuyệt mật keeps only the record: a task that
 * already holds content is refused, and the title of one raised is replaced.
 */
@Injectable()
export class SetClassificationUseCase {
  constructor(
    private readonly tasks: TasksRepository,
    private readonly directives: DirectivesRepository,
    private readonly items: ClassifiedItemsRepository,
    private readonly lists: ClassificationRepository,
    private readonly changes: TaskChangesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly calendars: CalendarStore,
    private readonly files: FileSealingService,
  ) {}

  async task(
    user: AuthUser,
    taskId: string,
    body: SetClassificationRequest,
    requestId: string | null,
  ): Promise<TaskSummaryDto> {
    const actor = toActor(user);
    const current = await this.tasks.findVisible(actor, taskId);
    if (!current) throw ApiError.notFound('Task');
    if (user.role !== 'office')
      throw ApiError.forbidden('Chỉ Văn phòng Tỉnh ủy xác định độ mật / Only the Office classifies');
    if (current.organisation_id !== user.organisationId) throw notOwnTask();
    const floor = await this.items.directiveLevel(current.directive_id);
    const refusal = classificationChangeRefusal({
      from: current.classification,
      to: body.classification,
      floor,
      comment: body.comment,
    });
    if (refusal) throw refused(refusal, floor);
    const level = body.classification;
    checkContentReference(level, body.contentReference ?? current.content_reference);
    if (isRecordOnly(level) && (await this.items.withContent([taskId])).length) throw contentPresent([current.code]);
    if (body.expectedVersion !== undefined && body.expectedVersion !== current.version) throw conflict();

    const row = await this.changes.transaction(async (tx) => {
      const applied = await this.raiseTask(tx, user, current, level, {
        comment: body.comment ?? null,
        contentReference: body.contentReference,
        version: current.version,
        requestId,
      });
      if (!applied) throw conflict();
      return applied;
    });
    // Committed: files stored in clear while it was unclassified are sealed now (failures are logged and left
    // for `npm run files:reencrypt`; the answer does not wait on a retry).
    if (isClassified(level)) await this.files.sealTaskFiles(taskId);
    return toSummary(row, actor, new Date(), summaryViewOf(this.config, this.calendars));
  }

  async directive(
    user: AuthUser,
    directiveId: string,
    body: SetClassificationRequest,
    requestId: string | null,
  ): Promise<DirectiveDto> {
    const visible = await this.directives.findById(directiveId, user.id);
    if (!visible) throw ApiError.notFound('Directive');
    if (user.role !== 'office')
      throw ApiError.forbidden('Chỉ Văn phòng Tỉnh ủy xác định độ mật / Only the Office classifies');
    if (visible.organisation_id !== user.organisationId) throw notOwnDirective();
    const level = body.classification;
    const refusal = classificationChangeRefusal({ from: visible.classification, to: level, comment: body.comment });
    if (refusal) throw refused(refusal);
    checkContentReference(level, body.contentReference ?? visible.content_reference);

    const raised = await this.changes.transaction(async (tx) => {
      const d = await this.items.lockDirective(tx.manager, directiveId, user.id);
      if (!d) throw ApiError.notFound('Directive');
      const below = await this.items.tasksBelow(tx.manager, directiveId, level);
      // Raising changes every task below the new level: the caller must be cleared for each one of them.
      const uncleared = await this.items.unclearedAmong(
        below.map((t) => t.id),
        user.id,
        tx.manager,
      );
      if (uncleared > 0) {
        throw ApiError.forbidden(
          `Văn bản có ${uncleared} nhiệm vụ mật bạn không có tên trong danh sách tiếp cận / ` +
            `${uncleared} of its tasks are classified and you are not on their access lists`,
        );
      }
      if (isRecordOnly(level)) {
        const held = await this.items.withContent(
          below.map((t) => t.id),
          tx.manager,
        );
        if (held.length) throw contentPresent(held);
      }
      await this.items.setDirectiveLevel(
        tx.manager,
        directiveId,
        level,
        body.contentReference,
        isRecordOnly(level) ? RECORD_ONLY_DIRECTIVE_TITLE : null,
      );
      if (!isClassified(d.classification) && isClassified(level)) {
        await this.lists.add(
          tx.manager,
          { kind: 'directive', id: directiveId },
          [
            user.id,
            ...(await this.lists.defaultUserIds(this.config.classifiedDefaultAccess, user.organisationId, tx.manager)),
          ],
          user.id,
        );
      }
      // A directive raised takes its tasks up with it (a task is never below its directive); each in its history.
      for (const t of below) {
        const locked = await tx.lock(t.id);
        if (!locked) throw conflict();
        const applied = await this.raiseTask(tx, user, locked, level, {
          comment: body.comment ?? null,
          contentReference: isRecordOnly(level) ? (body.contentReference ?? d.content_reference) : undefined,
          version: locked.version,
          requestId,
          byDirective: true,
        });
        if (!applied) throw conflict();
      }
      return below.map((t) => t.id);
    });
    if (isClassified(level)) {
      for (const id of raised) await this.files.sealTaskFiles(id);
    }
    const after = await this.directives.findById(directiveId, user.id);
    if (!after) throw ApiError.notFound('Directive');
    return toDirectiveDto(after);
  }

  /** One task to a new level through the writer, its access list started when it becomes classified. */
  private async raiseTask(
    tx: ChangeTransaction,
    user: AuthUser,
    current: TaskRow,
    level: Classification,
    o: {
      comment: string | null;
      contentReference: string | null | undefined;
      version: number;
      requestId: string | null;
      byDirective?: boolean;
    },
  ): Promise<TaskRow | undefined> {
    const recordOnly = isRecordOnly(level);
    const applied = await tx.apply({
      kind: 'CLASSIFICATION_SET',
      taskId: current.id,
      actor: toActor(user),
      from: current.state,
      expect: { version: o.version },
      set: {
        classification: level,
        ...(o.contentReference !== undefined ? { contentReference: o.contentReference } : {}),
        // Tuyệt mật keeps the record only: what the task says leaves the system.
        ...(recordOnly
          ? {
              title: RECORD_ONLY_TASK_TITLE,
              description: '',
              searchText: searchTextOf({ code: current.code, title: RECORD_ONLY_TASK_TITLE }),
            }
          : {}),
      },
      comment: o.comment,
      data: { from: current.classification, to: level, ...(o.byDirective ? { byDirective: true } : {}) },
      requestId: o.requestId,
    });
    if (!applied) return undefined;
    if (!isClassified(current.classification) && isClassified(level)) {
      await tx.redactNotifications(current.id);
      const item = { kind: 'task' as const, id: current.id };
      await this.lists.add(
        tx.manager,
        item,
        [
          user.id,
          ...(await this.lists.defaultUserIds(this.config.classifiedDefaultAccess, user.organisationId, tx.manager)),
        ],
        user.id,
      );
      await this.lists.copyDirectiveList(tx.manager, current.id, current.directive_id, user.id);
    }
    return applied.task;
  }
}
