import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a narrow screen. A scrollable region must be reachable by keyboard
 * (WCAG 2.1.1), so it is a focusable, named region.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be keyboard-focusable to scroll
    <section className="table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
