import type { AgencyDto, TaskSummaryDto } from '@dondoc/contracts';
import type { Actor } from '@dondoc/workflow';
import { useTranslation } from 'react-i18next';
import { ExtensionQueue } from './extension-queue';
import { narrowExtensionQueue } from './extension-queue-model';
import { ReviewList } from './review-list';
import { useExtensionQueue } from './use-extension-queue';
import './work-queues.css';

interface Props {
  tasks: readonly TaskSummaryDto[];
  agencies: ReadonlyMap<string, AgencyDto>;
  actor: Actor;
  today: string;
  filtered: boolean;
  /** The board's agency filter (the lead agency), which both queues follow. */
  agencyId: string;
  onOpen: (taskId: string) => void;
}

/** The Standing Committee's two queues side by side: submissions to review, extension requests to decide. */
export function ReviewQueues({ tasks, agencies, actor, today, filtered, agencyId, onOpen }: Props) {
  const { t } = useTranslation();
  const queue = useExtensionQueue();
  const items = queue.data && narrowExtensionQueue(queue.data.items, agencyId);
  return (
    <div className="work-queues" data-testid="work-queues" role="region" aria-label={t('board.review.queuesLabel')}>
      <ReviewList tasks={tasks} agencies={agencies} actor={actor} today={today} onOpen={onOpen} filtered={filtered} />
      <ExtensionQueue
        items={items}
        total={agencyId ? items?.length : queue.data?.total}
        failed={queue.isError}
        agencies={agencies}
        today={today}
        onOpen={onOpen}
      />
    </div>
  );
}
