import type { ReactNode } from 'react';

/** One entry of a chart's legend: a swatch (a colour, or a class that draws it) and what it stands for. */
export interface LegendItem {
  label: string;
  color?: string;
  swatchClass?: string;
}

/** A chart's legend as a caption: a coloured swatch and a label per item, then anything else (e.g. the axis). */
export function ChartLegend({
  items,
  className = 'legend',
  children,
}: {
  items: readonly LegendItem[];
  className?: string;
  children?: ReactNode;
}) {
  return (
    <figcaption className={className}>
      {items.map((i) => (
        <span key={i.label}>
          <i className={i.swatchClass} style={i.color ? { background: i.color } : undefined} />
          {i.label}
        </span>
      ))}
      {children}
    </figcaption>
  );
}
