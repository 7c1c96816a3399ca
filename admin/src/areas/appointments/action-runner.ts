import type { ConsoleContext } from '../../app/console-context.ts';
import type { AdminAppointment } from '@mais/sdk';

/**
 * What a panel hands its parent to run: the call, and what to announce when it worked. The parent
 * (appointment-actions.ts) keeps one busy flag and one error for all actions, and reloads the page.
 */
export type RunAction = (work: () => Promise<unknown>, success: string) => Promise<void>;

/** What every action panel is given. */
export interface PanelProps {
  ctx: ConsoleContext;
  appointment: AdminAppointment;
  run: RunAction;
  busy: boolean;
}
