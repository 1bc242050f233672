import { CLASSIFIED_TITLE } from '@dondoc/workflow';

/**
 * A notification (alias `n`) of a task (alias `t`, LEFT JOINed: a notification may name none) as it may be read
 * now. A task classified now is named as the writer names it today (the headline, the task's code and "Nhiệm vụ
 * mật", no body), even when its row was written before the task was raised and still holds the title and what the
 * author said. `classified`: whether the task is classified now.
 */
export function notificationTextSql(n = 'n', t = 't'): { title: string; body: string; classified: string } {
  const classified = `(COALESCE(${t}.classification, 'normal') <> 'normal')`;
  return {
    classified,
    // The writer words every title "<headline> — <code>: <title>"; no headline holds " — ".
    title: `CASE WHEN ${classified}
                 THEN split_part(${n}.title, ' — ', 1) || ' — ' || ${t}.code || ': ' || '${CLASSIFIED_TITLE.vi}'
                 ELSE ${n}.title END`,
    body: `CASE WHEN ${classified} THEN '' ELSE ${n}.body END`,
  };
}
