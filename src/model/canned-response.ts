/** A reply the team keeps ready: agents insert it by typing `/` and part of its shortcut or text. */
export interface CannedResponse {
  id: string;
  /** A short name to find it by, e.g. `refund`. */
  shortcut: string;
  text: string;
  updatedAt: number;
  /** Display name of the agent who last saved it. */
  updatedBy?: string;
}
