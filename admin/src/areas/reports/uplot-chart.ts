/**
 * The one module that imports uPlot (and its stylesheet). It is only ever loaded with import()
 * when the first chart is drawn (revenue-chart.ts), so the library lands in a chunk of its own
 * (uplot-chart.<hash>.js) that no other page downloads.
 */
import { unsafeCSS, type CSSResult } from 'lit';
import uPlot from 'uplot';
import uPlotText from 'uplot/dist/uPlot.min.css?inline';
import type { RevenueSeries } from './revenue-series.ts';

/** uPlot's own rules, for the shadow root the chart is drawn in. */
export const uPlotStyles: CSSResult = unsafeCSS(uPlotText);

export interface ChartColours {
  gross: string;
  refunds: string;
  net: string;
  axis: string;
  grid: string;
}

export interface RevenueChart {
  resize(width: number): void;
  destroy(): void;
}

export const CHART_HEIGHT = 260;

/**
 * Draws gross, refunds and net per bucket. Canvas cannot read CSS custom properties, so the
 * colours come in resolved; the series also differ by dash and point shape, not by colour alone.
 */
export function drawRevenueChart(
  target: HTMLElement,
  series: RevenueSeries,
  width: number,
  colours: ChartColours,
  formatAmount: (major: number) => string,
): RevenueChart {
  const axis = (values?: uPlot.Axis['values']): uPlot.Axis => ({
    stroke: colours.axis,
    grid: { stroke: colours.grid, width: 1 },
    ticks: { stroke: colours.grid, width: 1 },
    ...(values ? { values } : {}),
  });
  const plot = new uPlot(
    {
      width,
      height: CHART_HEIGHT,
      // The legend is drawn by the page in HTML (with the table of the same figures beside it).
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false } },
      axes: [
        axis((_plot, splits) =>
          splits.map((split) => (Number.isInteger(split) ? (series.labels[split] ?? '') : '')),
        ),
        { ...axis((_plot, splits) => splits.map((split) => formatAmount(split))), size: 80 },
      ],
      series: [
        {},
        { label: 'Gross', stroke: colours.gross, width: 2, points: { show: true, size: 6 } },
        {
          label: 'Refunds',
          stroke: colours.refunds,
          width: 2,
          dash: [6, 4],
          points: { show: true, size: 6 },
        },
        { label: 'Net', stroke: colours.net, width: 2, dash: [2, 3], points: { show: true, size: 6 } },
      ],
    },
    [series.x, series.gross, series.refunds, series.net],
    target,
  );
  return {
    resize: (next) => plot.setSize({ width: next, height: CHART_HEIGHT }),
    destroy: () => plot.destroy(),
  };
}
