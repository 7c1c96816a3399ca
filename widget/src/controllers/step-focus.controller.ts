import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Moves focus to the new step's heading (marked `data-step-heading`, with tabindex="-1") after
 * the step renders, and announces it in the live region that the host renders from `message`.
 * Only steps reached by the client's own action take focus: a widget that grabs focus while the
 * host page loads would throw keyboard and screen-reader users off the page.
 */
export class StepFocusController implements ReactiveController {
  /** The live region's text. */
  message = '';
  private focusNext = false;
  private extra = '';

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Call when the client moved to another step; focus and announcement (heading, then `extra`) follow the render. */
  stepChanged(extra = ''): void {
    this.focusNext = true;
    this.extra = extra;
    this.host.requestUpdate();
  }

  /** Puts `text` in the live region (twice the same text is still announced). */
  announce(text: string): void {
    this.message = this.message === text ? `${text}\u00a0` : text;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (!this.focusNext) return;
    const heading = this.host.renderRoot.querySelector<HTMLElement>('[data-step-heading]');
    if (!heading) return; // still loading: try after the next render
    this.focusNext = false;
    heading.focus();
    const title = heading.textContent?.trim() ?? '';
    this.announce(this.extra ? `${title}. ${this.extra}` : title);
  }
}
