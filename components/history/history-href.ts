// Plain module (no "use client"), so both the server-rendered pagination and the client filters can call it.

/** The option that clears a filter (Radix Select items cannot have an empty value). */
export const ALL = "all";
export const HISTORY_PATH = "/patient/reports";

/** The history's query string; page 1 and "all" are left out so URLs stay short. */
export function historyHref(params: { page?: number; level?: string; site?: string }): string {
  const qs = new URLSearchParams();
  if (params.level && params.level !== ALL) qs.set("level", params.level);
  if (params.site && params.site !== ALL) qs.set("site", params.site);
  if (params.page && params.page > 1) qs.set("page", String(params.page));
  const query = qs.toString();
  return query ? `${HISTORY_PATH}?${query}` : HISTORY_PATH;
}
