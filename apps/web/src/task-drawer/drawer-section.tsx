import { useId, type ReactNode } from 'react';

/** A titled part of the drawer; `testId` lets browser tests find a section without relying on its text. */
export function DrawerSection({ title, testId, children }: { title: string; testId?: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="drawer-section" aria-labelledby={headingId} data-testid={testId}>
      <h3 id={headingId}>{title}</h3>
      {children}
    </section>
  );
}
