import type { MaisAdmin, SignedInAccount } from '@mais/sdk';
import type { AreaId } from './routes.ts';

/** What every page of the console is given: the signed-in account and its API client. */
export interface ConsoleContext {
  admin: MaisAdmin;
  account: SignedInAccount;
  /** The business's IANA zone: every time is shown and entered in it. */
  zone: string;
  /** The business's currency (ISO 4217, upper case). */
  currency: string;
  /** May this account open the area (the API enforces it again; this hides what would 403)? */
  may: (area: AreaId) => boolean;
  /** Announces a short message to the user (a polite live region) and shows it briefly. */
  announce: (message: string) => void;
}
