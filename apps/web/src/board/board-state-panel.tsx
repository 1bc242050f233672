import type { ReactNode } from 'react';

interface Props {
  title: string;
  hint?: string;
  testId: string;
  role?: 'status' | 'alert';
  children?: ReactNode;
}

/** Loading, error and empty states: say what is going on and what to do next. */
export function BoardStatePanel({ title, hint, testId, role = 'status', children }: Props) {
  return (
    <div className="state-panel board-state" data-testid={testId} role={role}>
      <h2>{title}</h2>
      {hint && <p>{hint}</p>}
      {children}
    </div>
  );
}
