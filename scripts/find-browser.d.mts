/** A Chromium for Playwright: `path` is undefined when Playwright's own download is there (scripts/find-browser.mjs). */
export function findBrowser(opts?: {
  install?: boolean;
}): Promise<{ path: string | undefined; own: boolean } | null>;
