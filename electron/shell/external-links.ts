/**
 * When the desktop window may hand a link to the system browser. Only https links, and only just
 * after the person clicked, tapped or pressed a key in the window: the input events come from the
 * operating system through Electron's main process, so a page cannot fake them, and a script that
 * opens links on its own (after a compromise, say) gets nothing opened.
 *
 * Kept free of `electron` imports so it can be tested on plain Node; main.ts wires it up.
 */

/** How long after a click or key press a request to open a link still counts as the person's. */
export const USER_ACTIVATION_MS = 1000;

const ACTIVATION_INPUTS = new Set([
  'mouseDown',
  'mouseUp',
  'rawKeyDown',
  'keyDown',
  'gestureTap',
  'touchEnd',
]);

/** True for the input events that mean a person acted (not mouse moves, wheel or focus). */
export function isUserActivation(inputType: string): boolean {
  return ACTIVATION_INPUTS.has(inputType);
}

/**
 * The address to open in the browser, or null to open nothing: not https, carrying a user name or
 * password (a classic way to disguise where a link goes), or no recent input from the person.
 */
export function externalLinkToOpen(
  raw: string,
  lastUserInputAt: number | null,
  now: number,
): string | null {
  if (lastUserInputAt === null) return null;
  const since = now - lastUserInputAt;
  if (since < 0 || since > USER_ACTIVATION_MS) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.hostname === '') return null;
  if (url.username !== '' || url.password !== '') return null;
  return url.href;
}
