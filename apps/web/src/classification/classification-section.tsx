import type { TaskDetailDto } from '@dondoc/contracts';
import { isClassified, type Actor } from '@dondoc/workflow';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDirectives } from '../api/use-directives';
import { DrawerSection } from '../task-drawer/drawer-section';
import { AccessListPanel } from './access-list-panel';
import { ClassificationBadge } from './classification-badge';
import { ClassificationForm } from './classification-form';
import { mayChangeClassification, mayReadAccessList } from './classification-model';
import './classification.css';

/** Whether the task still holds what tuyệt mật may not keep: its own words, files, comments or reports. */
const holdsContent = (task: TaskDetailDto) =>
  task.description.trim() !== '' ||
  task.comments.length > 0 ||
  task.submissions.length > 0 ||
  task.progressPercent !== null;

/**
 * "Độ mật và người được tiếp cận": the level in force; for the Office the change of level and the access
 * list's editor; for the Standing Committee and the inspector the list to read. Nothing for anyone else.
 */
export function ClassificationSection({ task, actor }: { task: TaskDetailDto; actor: Actor }) {
  const { t } = useTranslation();
  const { byId } = useDirectives();
  const [saved, setSaved] = useState(false);
  const classified = isClassified(task.classification);
  const mayChange = mayChangeClassification(actor);
  if (!mayChange && !(classified && mayReadAccessList(actor))) return null;
  const floor = byId.get(task.directiveId)?.classification ?? 'normal';

  return (
    <DrawerSection title={t('classification.section')} testId="drawer-classification-section">
      <dl className="drawer-facts">
        <dt>{t('classification.current')}</dt>
        <dd data-testid="classification-current" data-level={task.classification}>
          {t(`classification.levels.${task.classification}`)} <ClassificationBadge level={task.classification} />
        </dd>
        {isClassified(floor) && (
          <>
            <dt>{t('classification.directiveLevel')}</dt>
            <dd>{t(`classification.levels.${floor}`)}</dd>
          </>
        )}
      </dl>
      {saved && (
        <p className="drawer-hint" role="status" data-testid="classification-saved">
          {t('classification.change.saved')}
        </p>
      )}
      {classified ? (
        <AccessListPanel kind="task" itemId={task.id} editable={mayChange} scope={task} />
      ) : (
        <p className="drawer-hint">{t('classification.access.notClassified')}</p>
      )}
      {classified && actor.role === 'inspector' && (
        <p>
          <Link to={`/access-log?taskId=${encodeURIComponent(task.id)}`} data-testid="access-log-link">
            {t('classification.access.logLink')}
          </Link>
        </p>
      )}
      {mayChange && (
        // Keyed by version: a saved change (or anyone else's) starts the form again from the task as it is now.
        <ClassificationForm
          key={task.version}
          kind="task"
          itemId={task.id}
          level={task.classification}
          contentReference={task.contentReference}
          floor={floor}
          version={task.version}
          holdsContent={holdsContent(task)}
          onSaved={() => setSaved(true)}
          onEdit={() => setSaved(false)}
        />
      )}
    </DrawerSection>
  );
}
