import type { CannedResponse } from '../model/canned-response';

/** Canned responses in the order every store lists them: by shortcut, then id. */
export function byShortcut(responses: CannedResponse[]): CannedResponse[] {
  return responses.sort((a, b) => a.shortcut.localeCompare(b.shortcut) || a.id.localeCompare(b.id));
}
