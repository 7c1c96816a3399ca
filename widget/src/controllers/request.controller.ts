import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toFailure, type Failure } from '../errors/failure.ts';

/**
 * One kind of API call of a component (the catalog, a month's dates, a day's slots, a booking),
 * with its pending and failed states for rendering, in the manner of @lit/task: a newer run
 * aborts the older one, so a slow answer for a month the client has left never shows.
 */
export class RequestController implements ReactiveController {
  pending = false;
  failure: Failure | null = null;
  private controller: AbortController | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onFailure: (failure: Failure) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.controller?.abort();
  }

  /** Runs `task`; resolves with its value, or undefined when it failed or was superseded. */
  async run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.pending = true;
    this.failure = null;
    this.host.requestUpdate();
    try {
      const value = await task(controller.signal);
      return controller.signal.aborted ? undefined : value;
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      this.failure = toFailure(error);
      this.onFailure(this.failure);
      return undefined;
    } finally {
      if (this.controller === controller) {
        this.pending = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Forgets a failure and cancels what is running. */
  reset(): void {
    this.controller?.abort();
    this.pending = false;
    this.failure = null;
  }
}
