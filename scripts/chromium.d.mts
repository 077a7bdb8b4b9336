/** How the tools start Chromium: see scripts/chromium.mjs. */
export const CHROMIUM_LAUNCH: { executablePath: string; args: string[] };
