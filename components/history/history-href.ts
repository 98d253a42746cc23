// Plain module (no "use client"), so both the server-rendered pagination and the client filters can call it.
import { withQuery } from "@/lib/url";

/** The option that clears a filter (Radix Select items cannot have an empty value). */
export const ALL = "all";
export const HISTORY_PATH = "/patient/reports";

/** The history's query string; page 1 and "all" are left out. */
export function historyHref(params: { page?: number; level?: string; site?: string }): string {
  return withQuery(HISTORY_PATH, {
    level: params.level === ALL ? undefined : params.level,
    site: params.site === ALL ? undefined : params.site,
    page: params.page && params.page > 1 ? params.page : undefined,
  });
}
