import type { TaskEventName, TaskSummaryDto } from '@dondoc/contracts';
import { createContext, useContext } from 'react';

/** Opens the dialog of one transition; stable for the life of the board, so memoised cards may call it. */
export type RequestTransition = (task: TaskSummaryDto, event: TaskEventName) => void;

export const TransitionContext = createContext<RequestTransition>(() => {});

export function useRequestTransition(): RequestTransition {
  return useContext(TransitionContext);
}
