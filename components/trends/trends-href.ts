// Plain module (no "use client"): the server-rendered site list and the client filters both build these URLs.
import { ALL } from "@/components/history/history-href";
import { withQuery } from "@/lib/url";
import { TREND_WEEKS_DEFAULT } from "@/lib/validations/history-limits";

export const TRENDS_PATH = "/patient/trends";

/** The default period and "all sites" are left out. */
export function trendsHref(params: { site?: string | null; weeks?: number }): string {
  return withQuery(TRENDS_PATH, {
    site: params.site === ALL ? undefined : params.site,
    weeks: params.weeks && params.weeks !== TREND_WEEKS_DEFAULT ? params.weeks : undefined,
  });
}
