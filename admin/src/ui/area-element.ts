import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ConsoleContext } from '../app/console-context.ts';
import { consoleStyles } from './console.styles.ts';

/** The part of the address an area reads: `#/<area>/<path…>?<query>`. */
export interface AreaRoute {
  path: string[];
  query: URLSearchParams;
}

/** An area of the console: given the context and its route by the shell, which redraws it on navigation. */
export class AreaElement extends LitElement {
  static override styles = consoleStyles;

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) route: AreaRoute = { path: [], query: new URLSearchParams() };
}
