import { and, eq, gte, lte } from "drizzle-orm";
import { RECENT_WINDOW_DAYS } from "../domain/triage";
import type { Db } from "./index";
import { spasmReports } from "./schema";

/**
 * Starts of the patient's active (not withdrawn) episodes in the 30 days up to `startedAt`: the input of
 * countRecent. No access check here; callers are the DAL (after its own check) and the seed.
 */
export async function recentEpisodeStarts(db: Db, patientId: string, startedAt: Date): Promise<Date[]> {
  const windowStart = new Date(startedAt.getTime() - RECENT_WINDOW_DAYS * 86_400_000);
  const rows = await db
    .select({ startedAt: spasmReports.startedAt })
    .from(spasmReports)
    .where(
      and(
        eq(spasmReports.patientId, patientId),
        eq(spasmReports.status, "active"),
        gte(spasmReports.startedAt, windowStart),
        lte(spasmReports.startedAt, startedAt),
      ),
    );
  return rows.map((r) => r.startedAt);
}
