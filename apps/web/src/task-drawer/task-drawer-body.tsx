import type { TaskDetailDto } from '@dondoc/contracts';
import { canComment, isRecordOnly, type Actor } from '@dondoc/workflow';
import { useTranslation } from 'react-i18next';
import { SubTasksSection } from '../breakdown/sub-tasks-section';
import { ClassificationSection } from '../classification/classification-section';
import { RecordOnlyNotice } from '../classification/record-only-notice';
import { ContributionsSection } from '../contributions/contributions-section';
import { MilestonesSection } from '../milestones/milestones-section';
import { PeopleSection } from '../people/people-section';
import { ProgressSection } from '../progress/progress-section';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';
import { DrawerSection } from './drawer-section';
import { ExtensionRequests } from './extension-requests';
import { HistoryTimeline } from './history-timeline';
import { SubmissionList } from './submission-list';
import { mayUploadWorkingFiles, pendingSubmissionOf } from './task-actions';
import { TaskActionsBar } from './task-actions-bar';
import { TaskFacts } from './task-facts';
import { WorkingFilesForm } from './working-files-form';

/**
 * Everything known about one task, in the order people read a file: facts and people, content, its parts
 * (milestones, progress, extensions, contributions), work, talk. A tuyệt mật task keeps only its record: no
 * content, reports, contributions, files or comments, so those parts are not offered (the API refuses them).
 */
export function TaskDrawerBody({ task, actor }: { task: TaskDetailDto; actor: Actor }) {
  const { t } = useTranslation();
  const mayComment = canComment(task, actor);
  const recordOnly = isRecordOnly(task.classification);
  return (
    <>
      <TaskActionsBar task={task} actor={actor} />
      <TaskFacts task={task} />
      <ClassificationSection task={task} actor={actor} />
      <PeopleSection task={task} actor={actor} />
      <DrawerSection title={t('drawer.description.heading')} testId="drawer-description">
        {recordOnly ? (
          <RecordOnlyNotice contentReference={task.contentReference} />
        ) : task.description.trim() ? (
          <p className="drawer-description">{task.description}</p>
        ) : (
          <p className="drawer-empty">{t('drawer.description.empty')}</p>
        )}
      </DrawerSection>
      <SubTasksSection task={task} />
      <MilestonesSection task={task} actor={actor} />
      {!recordOnly && <ProgressSection task={task} actor={actor} />}
      <DrawerSection title={t('drawer.extensions.heading')} testId="drawer-extensions-section">
        <ExtensionRequests task={task} actor={actor} />
      </DrawerSection>
      {!recordOnly && (
        <>
          <ContributionsSection task={task} actor={actor} />
          <DrawerSection title={t('drawer.submissions.heading')} testId="drawer-submissions-section">
            {mayUploadWorkingFiles(task, actor) && (
              <WorkingFilesForm taskId={task.id} hasPending={pendingSubmissionOf(task) !== null} />
            )}
            <SubmissionList taskId={task.id} submissions={task.submissions} submitted={task.state !== 'in_progress'} />
          </DrawerSection>
          <DrawerSection title={t('drawer.comments.heading')} testId="drawer-comments-section">
            <CommentList comments={task.comments} canComment={mayComment} />
            {mayComment ? (
              <CommentForm taskId={task.id} />
            ) : (
              <p className="drawer-hint">{t('drawer.comments.readOnly')}</p>
            )}
          </DrawerSection>
        </>
      )}
      <DrawerSection title={t('drawer.history.heading')} testId="drawer-history-section">
        <HistoryTimeline history={task.history} />
      </DrawerSection>
    </>
  );
}
