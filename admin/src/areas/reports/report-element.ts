import { css, LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import type { ReportQuery } from './report-range.ts';

/** A report tab: given the console's context and the period from the address by the Reports area. */
export class ReportElement extends LitElement {
  static override styles: CSSResultGroup = [
    ...consoleStyles,
    // Row headers (the name of each row) keep the rows' light rule, not the column headers' dark one.
    css`
      tbody th {
        border-bottom-color: var(--_soft);
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) query!: ReportQuery;
}
