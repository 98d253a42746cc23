/**
 * What happened to the header bell's placeholder before its live part loaded: the live bell takes the focus
 * and opens if asked, so nothing a user did in those few hundred milliseconds is lost.
 */
export const bellHandoff = { focused: false, openRequested: false };

/** Read once by the live bell when it mounts; the placeholder is gone by then. */
export function takeBellHandoff(): { focused: boolean; openRequested: boolean } {
  const taken = { ...bellHandoff };
  bellHandoff.focused = false;
  bellHandoff.openRequested = false;
  return taken;
}
