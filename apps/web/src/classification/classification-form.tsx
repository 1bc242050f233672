import { isRecordOnly, type Classification } from '@dondoc/workflow';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassificationError } from './classification-error';
import { changeProblem, changeRequest, isLowering, levelsFrom, type LevelDraft } from './classification-model';
import { useSetClassification, type ClassifiedKind } from './use-classification';

interface Props {
  kind: ClassifiedKind;
  itemId: string;
  level: Classification;
  contentReference: string | null;
  /** A task's directive's level: nothing lower is offered (409 CLASSIFICATION_BELOW_DIRECTIVE otherwise). */
  floor?: Classification;
  /** The task's version read (tasks only), so a change made meanwhile is not overwritten. */
  version?: number;
  /** Content, files or comments in the system: tuyệt mật would be refused (409 CLASSIFIED_CONTENT_PRESENT). */
  holdsContent?: boolean;
  onSaved: () => void;
  onEdit: () => void;
}

/** The Office's change of level: raising is free, lowering needs a reason, tuyệt mật says where content is kept. */
export function ClassificationForm(props: Props) {
  const { kind, itemId, level, floor, version, holdsContent, onSaved, onEdit } = props;
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<LevelDraft>({
    level,
    comment: '',
    contentReference: props.contentReference ?? '',
  });
  const [tried, setTried] = useState(false);
  const save = useSetClassification(kind, itemId);
  const problem = changeProblem(level, draft, floor);
  const lowering = isLowering(level, draft.level);
  const change = (patch: Partial<LevelDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    save.reset();
    onEdit();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (problem) return;
    // The promise, not mutate's callback: the new version remounts this form before the callback would run.
    save.mutateAsync(changeRequest(draft, version)).then(onSaved, () => undefined);
  };
  const problemText =
    problem === 'belowDirective'
      ? t('classification.change.belowDirective', { level: t(`classification.levels.${floor ?? 'normal'}`) })
      : problem === 'commentRequired'
        ? t('classification.change.commentRequired')
        : problem === 'referenceRequired'
          ? t('classification.contentReferenceRequired')
          : problem === 'same'
            ? t('classification.change.same')
            : null;

  return (
    <form
      className="drawer-form drawer-subform classification-form"
      onSubmit={onSubmit}
      data-testid="classification-form"
      noValidate
    >
      <h4>{t('classification.change.heading')}</h4>
      <label htmlFor={`${id}-level`}>{t('classification.change.newLevel')}</label>
      <select
        id={`${id}-level`}
        name="classification"
        data-testid="classification-select"
        value={draft.level}
        onChange={(e) => change({ level: e.target.value as Classification })}
      >
        {levelsFrom(floor).map((l) => (
          <option key={l} value={l}>
            {t(`classification.levels.${l}`)}
          </option>
        ))}
      </select>
      {lowering && <p className="drawer-hint">{t('classification.change.lowerWarning')}</p>}
      {isRecordOnly(draft.level) && draft.level !== level && (
        <>
          {holdsContent && (
            <p className="drawer-alert" data-testid="classification-content-warning">
              {t('classification.change.contentWarning')}
            </p>
          )}
          <label htmlFor={`${id}-reference`}>{t('classification.contentReference')}</label>
          <input
            id={`${id}-reference`}
            name="contentReference"
            data-testid="classification-reference"
            maxLength={500}
            value={draft.contentReference}
            aria-invalid={(tried && problem === 'referenceRequired') || undefined}
            placeholder={t('classification.contentReferencePlaceholder')}
            onChange={(e) => change({ contentReference: e.target.value })}
          />
          <p className="drawer-hint">{t('classification.contentReferenceHint')}</p>
        </>
      )}
      <label htmlFor={`${id}-comment`}>
        {lowering ? t('classification.change.comment') : t('classification.change.commentOptional')}
      </label>
      <textarea
        id={`${id}-comment`}
        name="classificationComment"
        data-testid="classification-comment"
        rows={2}
        maxLength={5000}
        required={lowering}
        aria-invalid={(tried && problem === 'commentRequired') || undefined}
        value={draft.comment}
        onChange={(e) => change({ comment: e.target.value })}
      />
      {tried && problemText && (
        <p className="drawer-field-error" role="alert" data-testid="classification-problem">
          {problemText}
        </p>
      )}
      <ClassificationError error={save.error} />
      <div className="drawer-form-actions">
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="classification-save"
          disabled={save.isPending || problem === 'same'}
        >
          {save.isPending ? t('classification.change.saving') : t('classification.change.save')}
        </button>
      </div>
    </form>
  );
}
