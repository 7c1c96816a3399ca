import { css, LitElement, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { consoleStyles } from '../../ui/console.styles.ts';

/** A section of Settings: the console's context, and the rest of the address after the section's name. */
export class SettingsSection extends LitElement {
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
  @property({ attribute: false }) path: string[] = [];
  @property({ attribute: false }) query = new URLSearchParams();

  /** The owner's sections and buttons (the API answers 403 to a manager there). */
  protected get isOwner(): boolean {
    return this.ctx.account.role === 'owner';
  }
}
