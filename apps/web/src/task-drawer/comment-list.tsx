import type { CommentDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../common/format';
import { useDrawerLabels } from './use-drawer-labels';

export function CommentList({ comments, canComment }: { comments: CommentDto[]; canComment: boolean }) {
  const { t } = useTranslation();
  const labels = useDrawerLabels();
  return (
    <ul className="drawer-comments" data-testid="drawer-comments">
      {comments.length === 0 && (
        <li className="drawer-empty">
          {canComment ? t('drawer.comments.emptyCanComment') : t('drawer.comments.empty')}
        </li>
      )}
      {comments.map((c) => (
        <li key={c.id} className="drawer-comment" data-testid="drawer-comment">
          <div className="drawer-muted">
            <strong className="drawer-author">{c.authorName ?? labels.role(c.authorRole)}</strong>
            {c.authorName && ` · ${labels.role(c.authorRole)}`} ·{' '}
            <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
          </div>
          <p className="drawer-comment-body">{c.body}</p>
        </li>
      ))}
    </ul>
  );
}
