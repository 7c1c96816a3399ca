import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consoleStyles } from '../../ui/console.styles.ts';
import type { RevenueSeries } from './revenue-series.ts';
import type * as ChartModuleExports from './uplot-chart.ts';
import type { RevenueChart as DrawnChart } from './uplot-chart.ts';

// Types only: the module itself is fetched by import() below, in its own chunk.
type ChartModule = typeof ChartModuleExports;

/** One download of the chart module per page, however many charts ask for it. */
let chartModule: Promise<ChartModule> | undefined;

/**
 * <mais-revenue-chart>: gross, refunds and net per bucket as a line chart, with an HTML legend.
 * The canvas is hidden from assistive technology behind one description: the table of the same
 * figures, beside it on the page, is what screen readers read.
 */
@customElement('mais-revenue-chart')
export class RevenueChartElement extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      :host {
        display: block;
      }
      .plot {
        min-height: 260px;
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        list-style: none;
        padding: 0;
        margin: 0.5rem 0 0;
      }
      .swatch {
        display: inline-block;
        width: 1.5rem;
        border-top: 3px solid currentColor;
        vertical-align: middle;
        margin-right: 0.35rem;
      }
      .swatch[data-dash='long'] {
        border-top-style: dashed;
      }
      .swatch[data-dash='short'] {
        border-top-style: dotted;
      }
    `,
  ];

  @property({ attribute: false }) series!: RevenueSeries;
  /** Writes an axis amount, e.g. '€120'. */
  @property({ attribute: false }) formatAmount: (major: number) => string = String;
  /** What the chart shows, for its accessible name. */
  @property() description = '';
  @state() private failed = false;
  @query('.plot') private plot!: HTMLElement;

  private chart: DrawnChart | undefined;
  private readonly resizer = new ResizeObserver(() => this.chart?.resize(this.plotWidth()));

  override connectedCallback() {
    super.connectedCallback();
    this.resizer.observe(this);
  }

  override disconnectedCallback() {
    this.resizer.disconnect();
    this.chart?.destroy();
    this.chart = undefined;
    super.disconnectedCallback();
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('series')) void this.draw();
  }

  private async draw() {
    try {
      chartModule ??= import('./uplot-chart.ts');
      const module = await chartModule;
      const root = this.shadowRoot!;
      const sheet = module.uPlotStyles.styleSheet;
      if (sheet && !root.adoptedStyleSheets.includes(sheet)) {
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      }
      this.chart?.destroy();
      this.plot.replaceChildren();
      const style = getComputedStyle(this);
      const colour = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
      this.chart = module.drawRevenueChart(
        this.plot,
        this.series,
        this.plotWidth(),
        {
          gross: colour('--_primary', '#2453c7'),
          refunds: colour('--_danger', '#b3261e'),
          net: colour('--_text', '#1b1f27'),
          axis: colour('--_muted', '#4f5766'),
          grid: colour('--_soft', '#eef1f6'),
        },
        this.formatAmount,
      );
      this.failed = false;
    } catch {
      chartModule = undefined;
      this.failed = true;
    }
  }

  private plotWidth(): number {
    return Math.max(260, Math.floor(this.getBoundingClientRect().width));
  }

  override render() {
    return html`
      <div class="plot" role="img" aria-label=${this.description}></div>
      ${
        this.failed
          ? html`<p class="error" role="alert">
              The chart could not be loaded. The table below holds the same figures.
            </p>`
          : ''
      }
      <ul class="legend" aria-hidden="true">
        <li style="color: var(--_primary)"><span class="swatch"></span>Gross</li>
        <li style="color: var(--_danger)"><span class="swatch" data-dash="long"></span>Refunds</li>
        <li><span class="swatch" data-dash="short"></span>Net</li>
      </ul>
    `;
  }
}
