import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The current time for a view that counts down (a held booking's remaining minutes): re-renders
 * the host every second while something watches a deadline, and stops once it has passed or the
 * host leaves the page.
 */
export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;
  private deadline = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Milliseconds left until `instant` (never below 0), ticking until then. */
  remaining(instant: string): number {
    this.deadline = Math.max(this.deadline, Date.parse(instant));
    const left = Math.max(0, Date.parse(instant) - Date.now());
    if (left > 0 && !this.timer) this.timer = setInterval(() => this.tick(), 1000);
    return left;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  private tick(): void {
    if (Date.now() >= this.deadline) this.stop();
    this.host.requestUpdate();
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
