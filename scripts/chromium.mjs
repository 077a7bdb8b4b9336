// How every tool here starts Debian's Chromium (the end-to-end tests, the screenshots, the
// renderer benchmark): Playwright's own browsers are never downloaded.

/** The browser, from CHROMIUM_PATH or Debian's package. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launch options for Playwright: no sandbox (containers give it no user namespaces), no GPU, and
 * none of the browser's own background traffic, which would only add noise to timings and logs.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM_PATH,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
