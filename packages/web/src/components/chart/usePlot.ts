import { type DependencyList, useEffect, useRef } from 'react';
import uPlot from 'uplot';

/** What a chart draws: its uPlot options apart from the size, and its data; null when there is nothing. */
export interface PlotSpec {
  options: Omit<uPlot.Options, 'width'>;
  data: uPlot.AlignedData;
}

/**
 * A uPlot chart in the element the returned ref is put on: `spec()` is drawn as wide as that element
 * (`width` when it has no width yet, at most `maxWidth`), legend off, redrawn when `deps` change and
 * destroyed with the component. `spec` returns null when there is nothing to draw.
 */
export function usePlot(
  spec: () => PlotSpec | null,
  deps: DependencyList,
  { width = 640, maxWidth = 900 }: { width?: number; maxWidth?: number } = {},
) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    const made = el && spec();
    if (!el || !made) return;
    const plot = new uPlot(
      { width: Math.min(el.clientWidth || width, maxWidth), legend: { show: false }, ...made.options },
      made.data,
      el,
    );
    return () => plot.destroy();
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what its spec reads
  }, deps);
  return ref;
}
