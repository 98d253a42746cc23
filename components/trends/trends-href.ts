// Plain module (no "use client"): the server-rendered site list and the client filters both build these URLs.
import { TREND_WEEKS_DEFAULT } from "@/lib/validations/history";

export const TRENDS_PATH = "/patient/trends";

/** The default period and "all sites" are left out so URLs stay short. */
export function trendsHref(params: { site?: string | null; weeks?: number }): string {
  const qs = new URLSearchParams();
  if (params.site && params.site !== "all") qs.set("site", params.site);
  if (params.weeks && params.weeks !== TREND_WEEKS_DEFAULT) qs.set("weeks", String(params.weeks));
  const query = qs.toString();
  return query ? `${TRENDS_PATH}?${query}` : TRENDS_PATH;
}
