import type { TaskHistoryEntryDto } from '@dondoc/contracts';
import { useTranslation } from 'react-i18next';
import { useAgencies } from '../api/use-agencies';
import { formatDateTime } from '../common/format';
import { useDrawerLabels } from './use-drawer-labels';

/** Who did what and when, oldest first as the file would read on paper. */
export function HistoryTimeline({ history }: { history: TaskHistoryEntryDto[] }) {
  const { t } = useTranslation();
  const labels = useDrawerLabels();
  const { byId } = useAgencies();
  if (history.length === 0) return <p className="drawer-empty">{t('drawer.history.empty')}</p>;
  return (
    <ol className="drawer-timeline" data-testid="drawer-history">
      {history.map((h) => {
        const moved = h.from !== h.to && h.to !== null;
        const who =
          h.actor.fullName ??
          (h.actor.role === 'system' ? t('drawer.history.system') : t('drawer.history.unknownActor'));
        const roleLabel = h.actor.role && h.actor.role !== 'system' ? labels.role(h.actor.role) : null;
        // "Agency" alone says little: name which one acted.
        const agency = h.actor.agencyId ? byId.get(h.actor.agencyId)?.name : undefined;
        const role = roleLabel && agency ? `${roleLabel}: ${agency}` : roleLabel;
        return (
          <li key={h.id} className="drawer-timeline-item">
            <div className="drawer-timeline-head">
              <strong className="drawer-event">{labels.event(h.event)}</strong>
              {moved && (
                <span className="drawer-transition">
                  {h.from ? `${labels.state(h.from)} → ` : ''}
                  {labels.state(h.to)}
                </span>
              )}
            </div>
            {/* Two "overdue escalation" lines read alike: say which level each reached. */}
            {h.level !== null && h.level > 0 && (
              <div className="drawer-level" data-testid="history-level">
                {t(`drawer.escalation.level${Math.min(h.level, 2)}`)}
              </div>
            )}
            <div className="drawer-muted">
              {who}
              {role && ` · ${role}`} · <time dateTime={h.at}>{formatDateTime(h.at)}</time>
            </div>
            {h.comment && <p className="drawer-quote">{h.comment}</p>}
          </li>
        );
      })}
    </ol>
  );
}
